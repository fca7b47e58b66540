import type { StatusUpdate } from '@parley/whatsapp';
import { and, eq, inArray } from 'drizzle-orm';
import { writeJson } from '../db/json.ts';
import type { Store } from '../db/open-database.ts';
import { consents, contacts, inbox, messages, outbox } from '../db/schema.ts';
import { mergeStatus } from './merge-status.ts';
import type { StatusQueries } from './status-queries.ts';

/** Cloud API codes a failed status can carry that change what the runtime does next. */
const UNDELIVERABLE = new Set([131026]);
const MARKETING_STOPPED = new Set([131050]);
const WINDOW_CLOSED = new Set([131047]);

/**
 * Applies one new status event: confirms the outbox row its callback key names
 * (this is how a send interrupted by a crash is reconciled), moves the message's
 * status forward, records the price, and reacts to asynchronous failures.
 */
export function applyStatus(tx: Store, queries: StatusQueries, status: StatusUpdate, now: number): string | undefined {
  const key = status.biz_opaque_callback_data;
  const row = key
    ? queries.outboxByKey.get({ key })
    : tx.select().from(outbox).where(eq(outbox.wamid, status.id)).get();
  if (row && (row.state === 'sending' || row.state === 'reconciling' || row.state === 'pending')) {
    tx.update(outbox)
      .set({ state: 'sent', wamid: status.id, sentAt: row.sentAt ?? now, reconcileUntil: null })
      .where(eq(outbox.id, row.id))
      .run();
    tx.insert(messages)
      .values({
        contactKey: row.contactKey,
        direction: 'out',
        wamid: status.id,
        outboxKey: row.key,
        payload: row.payload,
        status: 'accepted',
        at: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .run();
  }
  const message = queries.messageByWamid.get({ wamid: status.id });
  if (!message) return undefined;
  const next = mergeStatus(message.status, status.status);
  queries.setMessageStatus.run({
    id: message.id,
    status: next,
    updatedAt: now,
    pricing: status.pricing ? writeJson(status.pricing) : null,
  });
  if (status.status !== 'failed' || next !== 'failed') return message.contactKey;
  const codes = (status.errors ?? []).map((error) => error.code ?? 0);
  if (codes.some((code) => UNDELIVERABLE.has(code))) {
    tx.update(contacts).set({ undeliverableAt: now }).where(eq(contacts.key, message.contactKey)).run();
  }
  if (codes.some((code) => MARKETING_STOPPED.has(code))) {
    tx.insert(consents)
      .values({
        contactKey: message.contactKey,
        category: 'marketing',
        action: 'opt_out',
        wording: 'WhatsApp reported the customer stopped marketing messages (131050)',
        source: 'whatsapp_status',
        at: now,
      })
      .run();
  }
  const sent = row ?? tx.select().from(outbox).where(eq(outbox.wamid, status.id)).get();
  if (sent?.nodeId && sent.sessionId && codes.some((code) => WINDOW_CLOSED.has(code) || UNDELIVERABLE.has(code))) {
    const reason = codes.some((code) => WINDOW_CLOSED.has(code)) ? 'window_closed' : 'undeliverable';
    tx.update(outbox)
      .set({ state: 'failed', lastError: `failed status ${codes.join(',')}` })
      .where(and(eq(outbox.id, sent.id), inArray(outbox.state, ['sent', 'sending', 'reconciling'])))
      .run();
    tx.insert(inbox)
      .values({
        contactKey: sent.contactKey,
        kind: 'send_failed',
        input: writeJson({ sessionId: sent.sessionId, input: { type: 'send_failed', nodeId: sent.nodeId, reason } }),
        occurredAt: now,
        receivedAt: now,
      })
      .run();
  }
  return message.contactKey;
}
