import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { messages, outbox, statusEvents } from '../db/schema.ts';

/**
 * The queries recording every accepted send runs, built once (building a
 * drizzle query costs more than running it). They run on the same
 * connection, so inside whatever transaction is open when called.
 */
export function createAcceptedQueries(db: Db) {
  return {
    markSent: db
      .update(outbox)
      .set({
        state: 'sent',
        wamid: sql`${sql.placeholder('wamid')}`,
        sentAt: sql`${sql.placeholder('sentAt')}`,
        businessInitiated: sql`${sql.placeholder('businessInitiated')}`,
        payload: sql`${sql.placeholder('payload')}`,
        pricing: sql`${sql.placeholder('pricing')}`,
        lastError: null,
        reconcileUntil: null,
      })
      .where(
        and(
          eq(outbox.id, sql.placeholder('id')),
          // A status webhook may have confirmed this very send first (Meta races its own HTTP answer):
          // it could not know the flag, payload and pricing chosen at send time, so they are written now.
          or(
            inArray(outbox.state, ['sending', 'reconciling']),
            and(eq(outbox.state, 'sent'), eq(outbox.wamid, sql.placeholder('wamid'))),
          ),
        ),
      )
      .prepare(),
    insertMessage: db
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
      .prepare(),
    earlyStatuses: db
      .select({ status: statusEvents.status })
      .from(statusEvents)
      .where(eq(statusEvents.wamid, sql.placeholder('wamid')))
      .orderBy(asc(statusEvents.id))
      .prepare(),
  };
}

export type AcceptedQueries = ReturnType<typeof createAcceptedQueries>;
