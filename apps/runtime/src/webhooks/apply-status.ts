import type { StatusUpdate } from '@parley/whatsapp';
import type { Store } from '../db/open-database.ts';
import type { MessageLog } from '../message-log/message-log.ts';
import type { Outbox } from '../queues/outbox.ts';
import { forgetMarketingHolds } from '../reactions/contact-marks.ts';
import { reactToFailure, type SenderSignal } from '../reactions/react-to-failure.ts';
import type { ClassifyError } from '../sender/graph-port.ts';

export type StatusDeps = { outbox: Outbox; messageLog: MessageLog; classify: ClassifyError };

export type AppliedStatus = { contactKey: string | undefined; signals: SenderSignal[]; reacted: boolean };

/**
 * Applies one new status event: confirms the outbox row its callback key names
 * (this is how a send interrupted by a crash is reconciled), moves the message's
 * status forward with its price, and gives a late failure exactly the reaction
 * an immediate one would get: the same function decides both.
 */
export function applyStatus(tx: Store, deps: StatusDeps, status: StatusUpdate, now: number): AppliedStatus {
  const { outbox, messageLog } = deps;
  const ids = { key: status.biz_opaque_callback_data, wamid: status.id };
  let row = outbox.find(ids);
  if (row && (row.state === 'pending' || row.state === 'sending' || row.state === 'reconciling')) {
    // It reached Meta, whatever the status says: it is sent, and only a reaction may send it again.
    outbox.confirmByStatus(row, status.id, now);
    messageLog.sent({ contactKey: row.contactKey, wamid: status.id, outboxKey: row.key, payload: row.payload }, now);
    row = outbox.find(ids);
  }
  const logged = messageLog.status(status.id, status.status, status.pricing, now);
  const none: AppliedStatus = { contactKey: logged?.contactKey ?? row?.contactKey, signals: [], reacted: false };
  // Delivered, not merely accepted: only now has Meta's per-user marketing limit let go of the customer.
  const reached = status.status === 'delivered' || status.status === 'read';
  if (reached && row?.pricing === 'marketing' && row.wamid === status.id) forgetMarketingHolds(tx, row.contactKey);
  // A later delivered or read proves it arrived after all (another device): no reaction.
  if (status.status !== 'failed' || logged?.status !== 'failed') return none;
  // Only the row's current send counts: a failure of an earlier attempt changes nothing now.
  if (!row || row.wamid !== status.id) return none;
  const error = status.errors?.[0];
  const code = error?.code ?? 0;
  const details = error?.error_data?.details ?? error?.message ?? error?.title ?? 'no details';
  const reaction = reactToFailure(tx, outbox, deps.classify(code), row, { code, details, late: true }, now);
  return { contactKey: row.contactKey, signals: reaction.signals, reacted: true };
}
