import { asc, eq, sql } from 'drizzle-orm';
import { writeJson } from '../db/json.ts';
import type { Db, Store } from '../db/open-database.ts';
import { messages, statusEvents } from '../db/schema.ts';
import { mergeStatus } from './merge-status.ts';

/**
 * The conversation log's writes on the hot paths (every send and every
 * status), built once: building a drizzle query costs more than running it.
 * They run on the one connection, inside whatever transaction is open.
 */
export function createMessageLog(db: Db) {
  const insertSent = db
    .insert(messages)
    .values({
      contactKey: sql.placeholder('contactKey'),
      direction: 'out',
      wamid: sql.placeholder('wamid'),
      outboxKey: sql.placeholder('outboxKey'),
      payload: sql.placeholder('payload'),
      status: 'accepted',
      at: sql.placeholder('at'),
      updatedAt: sql.placeholder('at'),
    })
    // A status webhook that came first logged the payload as queued; the one sent may be its fallback.
    .onConflictDoUpdate({ target: messages.wamid, set: { payload: sql`excluded.payload` } })
    .prepare();
  const earlyStatuses = db
    .select({ status: statusEvents.status })
    .from(statusEvents)
    .where(eq(statusEvents.wamid, sql.placeholder('wamid')))
    .orderBy(asc(statusEvents.id))
    .prepare();
  const byWamid = db
    .select()
    .from(messages)
    .where(eq(messages.wamid, sql.placeholder('wamid')))
    .prepare();
  const setStatus = db
    .update(messages)
    .set({
      status: sql`${sql.placeholder('status')}`,
      updatedAt: sql`${sql.placeholder('updatedAt')}`,
      pricing: sql`coalesce(${sql.placeholder('pricing')}, ${messages.pricing})`,
    })
    .where(eq(messages.id, sql.placeholder('id')))
    .prepare();

  return {
    /**
     * Logs an accepted send, folding in any statuses that raced ahead of the
     * HTTP answer, so whichever comes second the message shows its furthest status.
     */
    sent(entry: { contactKey: string; wamid: string; outboxKey: string; payload: unknown }, at: number): void {
      insertSent.run({ ...entry, payload: writeJson(entry.payload), at });
      const early = earlyStatuses.all({ wamid: entry.wamid });
      if (early.length === 0) return;
      const message = byWamid.get({ wamid: entry.wamid });
      if (!message) return;
      const status = early.reduce((current, event) => mergeStatus(current, event.status), message.status);
      setStatus.run({ id: message.id, status, updatedAt: at, pricing: null });
    },
    /** Moves a message's status forward (statuses arrive late, twice and out of order); returns the contact. */
    status(
      wamid: string,
      incoming: string,
      pricing: unknown,
      at: number,
    ): { contactKey: string; status: string } | undefined {
      const message = byWamid.get({ wamid });
      if (!message) return undefined;
      const status = mergeStatus(message.status, incoming);
      setStatus.run({
        id: message.id,
        status,
        updatedAt: at,
        pricing: pricing === undefined ? null : writeJson(pricing),
      });
      return { contactKey: message.contactKey, status };
    },
  };
}

export type MessageLog = ReturnType<typeof createMessageLog>;

/** Logs a customer's message as Meta sent it; a redelivered one is already there. */
export function logReceived(
  tx: Store,
  entry: { contactKey: string; wamid: string; payload: unknown; at: number },
  now: number,
): void {
  tx.insert(messages)
    .values({
      contactKey: entry.contactKey,
      direction: 'in',
      wamid: entry.wamid,
      payload: writeJson(entry.payload),
      status: 'received',
      at: entry.at,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .run();
}

/**
 * A send ended without a delivery: the logged message shows it failed, or,
 * when it never reached Meta, what the bot meant to send and that it did not go.
 */
export function logUnsent(
  tx: Store,
  entry: { contactKey: string; outboxKey: string; wamid: string | null; payload: unknown; state: 'failed' | 'skipped' },
  at: number,
): void {
  if (entry.wamid) {
    tx.update(messages).set({ status: 'failed', updatedAt: at }).where(eq(messages.wamid, entry.wamid)).run();
    return;
  }
  tx.insert(messages)
    .values({
      contactKey: entry.contactKey,
      direction: 'out',
      outboxKey: entry.outboxKey,
      payload: writeJson(entry.payload),
      status: entry.state === 'skipped' ? 'not_sent' : 'failed',
      pricing: null,
      at,
      updatedAt: at,
    })
    .run();
}
