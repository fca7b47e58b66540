import type { Store } from '../db/open-database.ts';
import type { MessageLog } from '../message-log/message-log.ts';
import type { Outbox, OutboxMessage, Sent } from '../queues/outbox.ts';
import { releaseMarketingHold } from '../reactions/contact-marks.ts';

/**
 * Records an accepted send: the outbox row and the message log, folding in
 * any status webhooks that raced ahead of the HTTP answer. It commutes with
 * applyStatus: whichever comes second, the row ends up sent, with the
 * business-initiated flag, payload and pricing chosen at send time. Returns
 * false when the row was no longer this send's (a reaction moved it first).
 */
export function recordAccepted(
  tx: Store,
  queues: { outbox: Outbox; messageLog: MessageLog },
  row: OutboxMessage,
  sent: Sent,
  at: number,
): boolean {
  if (!queues.outbox.accepted(row.id, sent, at)) return false;
  queues.messageLog.sent(
    { contactKey: row.contactKey, wamid: sent.wamid, outboxKey: row.key, payload: sent.payload },
    at,
  );
  // This hold's wait is over; the count of holds in a row stays until a marketing template is delivered.
  if (sent.pricing === 'marketing') releaseMarketingHold(tx, row.contactKey);
  return true;
}
