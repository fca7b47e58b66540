import type { PricingCategory } from '@parley/flow-engine';
import { and, desc, eq, gt, ne, sql } from 'drizzle-orm';
import { writeJson } from '../db/json.ts';
import type { Db, Store } from '../db/open-database.ts';
import { consents, contacts, inbox, messages, outbox } from '../db/schema.ts';
import { mergeStatus } from '../webhooks/merge-status.ts';
import type { AcceptedQueries } from './accepted-queries.ts';
import { type ConsentState, WINDOW_MS } from './send-gates.ts';

export type OutboxRow = typeof outbox.$inferSelect;

/**
 * Records an accepted send: the outbox row, the message log entry, and any
 * status webhooks that raced ahead of the HTTP answer. It commutes with
 * applyStatus: whichever comes second, the row ends up sent, with the
 * business-initiated flag, payload and pricing chosen at send time and the
 * sent time of the HTTP answer. Returns false when the row was no longer this
 * send's to record (e.g. a failed status ended it first). Run it in a
 * transaction (the sender shares one among the answers of a turn).
 */
export function recordAccepted(
  tx: Store,
  queries: AcceptedQueries,
  row: OutboxRow,
  sent: { payload: Record<string, unknown>; pricing: PricingCategory; businessInitiated: boolean; wamid: string },
  now: number,
): boolean {
  const payload = writeJson(sent.payload);
  const updated = queries.markSent.run({
    id: row.id,
    wamid: sent.wamid,
    sentAt: now,
    businessInitiated: sent.businessInitiated ? 1 : 0,
    payload,
    pricing: sent.pricing,
  });
  queries.insertMessage.run({
    contactKey: row.contactKey,
    wamid: sent.wamid,
    outboxKey: row.key,
    payload,
    at: now,
  });
  const early = queries.earlyStatuses.all({ wamid: sent.wamid });
  if (early.length > 0) {
    const message = tx.select().from(messages).where(eq(messages.wamid, sent.wamid)).get();
    if (message) {
      const status = early.reduce((current, event) => mergeStatus(current, event.status), message.status);
      tx.update(messages).set({ status, updatedAt: now }).where(eq(messages.id, message.id)).run();
    }
  }
  return updated.changes > 0;
}

/** Ends a row without a send; feeds the engine a `send_failed` when the flow should take another path. */
export function recordRejection(
  db: Db,
  row: OutboxRow,
  outcome: {
    state: 'failed' | 'skipped';
    lastError: string;
    feedback?: 'window_closed' | 'opted_out' | 'undeliverable';
    code?: number;
  },
  now: number,
): void {
  db.transaction((tx) => {
    tx.update(outbox).set({ state: outcome.state, lastError: outcome.lastError }).where(eq(outbox.id, row.id)).run();
    // The conversation log shows what the bot meant to send and why it did not go.
    tx.insert(messages)
      .values({
        contactKey: row.contactKey,
        direction: 'out',
        outboxKey: row.key,
        payload: row.payload,
        status: outcome.state === 'skipped' ? 'not_sent' : 'failed',
        pricing: null,
        at: now,
        updatedAt: now,
      })
      .run();
    if (outcome.code === 131026) {
      tx.update(contacts).set({ undeliverableAt: now }).where(eq(contacts.key, row.contactKey)).run();
    }
    if (outcome.code === 131050) {
      tx.insert(consents)
        .values({
          contactKey: row.contactKey,
          category: 'marketing',
          action: 'opt_out',
          wording: 'WhatsApp reported the customer stopped marketing messages (131050)',
          source: 'whatsapp_error',
          at: now,
        })
        .run();
    }
    if (outcome.feedback && row.sessionId && row.nodeId) {
      tx.insert(inbox)
        .values({
          contactKey: row.contactKey,
          kind: 'send_failed',
          input: writeJson({
            sessionId: row.sessionId,
            input: { type: 'send_failed', nodeId: row.nodeId, reason: outcome.feedback },
          }),
          occurredAt: now,
          receivedAt: now,
        })
        .run();
    }
  });
}

/** The latest consent action per category, `all` folded in (see ConsentState). */
export function readConsent(db: Db, contactKey: string): ConsentState {
  const rows = db
    .select({ category: consents.category, action: consents.action })
    .from(consents)
    .where(eq(consents.contactKey, contactKey))
    .orderBy(desc(consents.at), desc(consents.id))
    .all();
  const state: ConsentState = {};
  for (const row of rows) {
    const action = row.action === 'opt_in' || row.action === 'opt_out' ? row.action : undefined;
    if (!action) continue;
    state.all ??= action;
    if (row.category === 'marketing' || row.category === 'all') state.marketing ??= action;
    if (row.category === 'utility' || row.category === 'all') state.utility ??= action;
  }
  return state;
}

/** Unique contacts reached with business-initiated messages in the moving 24 hours. */
export function tierUsage(db: Db, contactKey: string, now: number): { used: number; includesContact: boolean } {
  const since = now - WINDOW_MS;
  const used = db
    .select({ n: sql<number>`count(distinct ${outbox.contactKey})` })
    .from(outbox)
    .where(and(eq(outbox.businessInitiated, 1), gt(outbox.sentAt, since)))
    .get();
  const mine = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        eq(outbox.businessInitiated, 1),
        gt(outbox.sentAt, since),
        eq(outbox.contactKey, contactKey),
        ne(outbox.id, -1),
      ),
    )
    .limit(1)
    .get();
  return { used: used?.n ?? 0, includesContact: mine !== undefined };
}
