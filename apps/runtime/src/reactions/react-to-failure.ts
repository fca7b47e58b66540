import type { ErrorClass, FlowNotice } from '@parley/whatsapp';
import { recordConsent } from '../consent/consent-ledger.ts';
import type { Store } from '../db/open-database.ts';
import type { Outbox, OutboxMessage } from '../queues/outbox.ts';
import { holdMarketing, MARKETING_HOLD, markUndeliverable } from './contact-marks.ts';
import { tellFlow } from './tell-flow.ts';

/** A failure Meta reported for one send: in the HTTP answer (`late: false`) or by a `failed` status webhook. */
export type SendFailure = { code: number; details: string; late: boolean };

/** What the sender must change in memory, beyond the rows: it applies these whichever path reported the failure. */
export type SenderSignal =
  | { kind: 'pause'; reason: string }
  | { kind: 'throttle'; scope: 'number' | 'account'; resetsHourly: boolean; reason: string }
  | { kind: 'empty_pair_bucket'; contactKey: string };

export type Reaction = { signals: SenderSignal[]; summary: string; alert: boolean };

/** How often each kind of retry is tried before the message fails for good. */
export const RETRY_LIMITS = { retry: 8, retryRecipient: 6, throttle: 20 } as const;

/**
 * The one place a Cloud API error turns into what happens next, for an
 * immediate and a late failure alike: the catalogue's consequence for the
 * message (retry, hold, fallback, fail, pause), the contact (undeliverable),
 * the consent (a marketing opt-out) and the flow (a `send_failed` input).
 * Run it inside a transaction; the sender applies the returned signals.
 */
export function reactToFailure(
  tx: Store,
  outbox: Outbox,
  error: ErrorClass,
  row: OutboxMessage,
  failure: SendFailure,
  at: number,
): Reaction {
  const { code } = failure;
  // The sender reports on the row as it read it before claiming it; a status webhook on the row as
  // stored, whose count already includes the failed send. Both count that send once, here.
  const before = failure.late ? Math.max(0, row.attempts - 1) : row.attempts;
  const tried = before + 1;
  const consequence = error.consequence;
  const summary = `${code} ${error.title}: ${failure.details}`;
  const signals: SenderSignal[] = [];
  const tell = (reason: FlowNotice) => tellFlow(tx, row, reason, code, at);
  const fail = (reason: FlowNotice | undefined) => {
    if (outbox.finish(tx, row, { state: 'failed', lastError: summary, code }, at) && reason) tell(reason);
  };

  if (consequence.contact === 'undeliverable') markUndeliverable(tx, row.contactKey, code, at);
  if (consequence.consent) {
    recordConsent(tx, {
      contactKey: row.contactKey,
      category: consequence.consent.category,
      action: consequence.consent.action,
      wording: `WhatsApp reported: ${error.meaning} (${code})`,
      source: `whatsapp_error:${code}`,
      at,
    });
  }

  const send = consequence.send;
  switch (send.kind) {
    case 'retry':
      if (tried >= RETRY_LIMITS.retry) fail('rejected');
      else outbox.retryAt(row, at + Math.min(60_000, 500 * 2 ** before) + jitter(250), summary, code, tried);
      break;
    case 'retry_recipient':
      // Meta's advice for the pair rate: that customer's bucket is empty; wait 4^n seconds, for them only.
      signals.push({ kind: 'empty_pair_bucket', contactKey: row.contactKey });
      if (tried >= RETRY_LIMITS.retryRecipient) fail('rejected');
      else outbox.retryAt(row, at + 1000 * 4 ** Math.min(before, 5), summary, code, tried);
      break;
    case 'retry_growing': {
      const hold = holdMarketing(tx, row.contactKey, at);
      if (hold.holds > MARKETING_HOLD.maxHolds) {
        fail('rejected');
        break;
      }
      outbox.retryAt(row, hold.until, summary, code, tried);
      // Told once per message: the flow stays where it is, the message still goes later.
      if (row.errorCode !== code && consequence.flow) tell(consequence.flow);
      break;
    }
    case 'throttle':
      signals.push({ kind: 'throttle', scope: send.scope, resetsHourly: send.resetsHourly, reason: summary });
      if (tried >= RETRY_LIMITS.throttle) fail('rejected');
      else outbox.retryAt(row, at, summary, code, tried);
      break;
    case 'fallback':
      if (row.window === 'session' && row.fallback) outbox.switchToFallback(row, row.fallback, at, summary, code);
      else fail(consequence.flow);
      break;
    case 'fail':
      fail(consequence.flow ?? 'rejected');
      break;
    case 'pause':
      // The account is broken, not the message: it waits, its attempt uncounted, until a person resumes sending.
      signals.push({ kind: 'pause', reason: summary });
      outbox.retryAt(row, at, summary, code, before);
      break;
  }
  return { signals, summary, alert: consequence.alert === true };
}

function jitter(maxMs: number): number {
  return Math.floor(Math.random() * maxMs);
}
