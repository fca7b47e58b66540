import type { InboundWebhookMessage, UserPreferencesValue, WebhookContact, WebhookEvent } from '@parley/whatsapp';
import { sql } from 'drizzle-orm';
import { recordConsent } from '../consent/consent-ledger.ts';
import { writeJson } from '../db/json.ts';
import type { Store } from '../db/open-database.ts';
import { resolveContactKey } from '../db/resolve-contact.ts';
import { contacts, unhandledWebhooks } from '../db/schema.ts';
import { logReceived } from '../message-log/message-log.ts';
import { enqueueInput } from '../queues/inbox.ts';
import type { SenderSignal } from '../reactions/react-to-failure.ts';
import { applyStatus, type StatusDeps } from './apply-status.ts';
import { applyIdentityChange, isIdentityNotice } from './identity-change.ts';
import { mapInbound } from './map-inbound.ts';
import type { StatusEvents } from './status-events.ts';

export type RecordDeps = StatusDeps & { statusEvents: StatusEvents };

export type RecordResult = {
  messages: number;
  statuses: number;
  duplicates: number;
  /** New statuses, for the sandbox's live view. */
  applied: { wamid: string; status: string; contactKey: string | undefined }[];
  /** What late failures asked of the sender; applied once the webhook is committed. */
  signals: SenderSignal[];
  /** Whether any input reached the inbox (the processor should look now). */
  queued: boolean;
};

/**
 * Persists every event of a verified webhook inside the caller's transaction,
 * deduplicated by wamid (messages) and by (wamid, status) (statuses). Only after
 * it commits does the route answer 200, so nothing acknowledged is lost:
 * events Parley does not act on are stored too.
 */
export function recordWebhook(tx: Store, deps: RecordDeps, events: readonly WebhookEvent[], now: number): RecordResult {
  const result: RecordResult = { messages: 0, statuses: 0, duplicates: 0, applied: [], signals: [], queued: false };
  for (const event of events) {
    switch (event.kind) {
      case 'message':
        if (isIdentityNotice(event.message)) applyIdentityChange(tx, event.message);
        else recordMessage(tx, event.message, event.contact, now, result);
        break;
      case 'status': {
        const fresh = deps.statusEvents.add(
          {
            wamid: event.status.id,
            status: event.status.status,
            callbackKey: event.status.biz_opaque_callback_data ?? null,
            payload: writeJson(event.status),
          },
          now,
        );
        if (!fresh) {
          result.duplicates += 1;
          break;
        }
        const applied = applyStatus(tx, deps, event.status, now);
        result.statuses += 1;
        result.signals.push(...applied.signals);
        if (applied.reacted) result.queued = true;
        result.applied.push({ wamid: event.status.id, status: event.status.status, contactKey: applied.contactKey });
        break;
      }
      case 'user_preferences':
        recordPreferences(tx, event.value, now);
        break;
      case 'error':
      case 'template_status':
      case 'template_category':
      case 'phone_number_quality':
      case 'other':
        keepUnhandled(tx, event, now);
        break;
    }
  }
  return result;
}

function recordMessage(
  tx: Store,
  message: InboundWebhookMessage,
  profile: WebhookContact | undefined,
  now: number,
  result: RecordResult,
): void {
  const key = resolveContactKey(tx, { userId: message.from_user_id, phone: message.from });
  if (key === undefined) return;
  // The window opens when the customer wrote (Meta's timestamp), never later than now.
  const sentAt = Math.min(now, timestampMs(message.timestamp, now));
  tx.insert(contacts)
    .values({
      key,
      phone: message.from || null,
      userId: message.from_user_id ?? null,
      name: profile?.profile?.name ?? null,
      lastInboundAt: sentAt,
      createdAt: now,
    })
    .onConflictDoUpdate({
      target: contacts.key,
      set: {
        phone: sql`coalesce(excluded.phone, ${contacts.phone})`,
        userId: sql`coalesce(excluded.user_id, ${contacts.userId})`,
        name: sql`coalesce(excluded.name, ${contacts.name})`,
        lastInboundAt: sql`max(coalesce(${contacts.lastInboundAt}, 0), excluded.last_inbound_at)`,
        // A customer who writes again is reachable again.
        undeliverableAt: null,
        undeliverableCode: null,
      },
    })
    .run();
  const fresh = enqueueInput(tx, {
    contactKey: key,
    wamid: message.id,
    input: { kind: 'message', payload: mapInbound(message, sentAt) },
    occurredAt: sentAt,
    receivedAt: now,
  });
  if (!fresh) {
    result.duplicates += 1;
    return;
  }
  logReceived(tx, { contactKey: key, wamid: message.id, payload: message, at: sentAt }, now);
  result.messages += 1;
  result.queued = true;
}

/** `user_preferences` webhooks: the customer stopped or resumed marketing messages in WhatsApp itself. */
function recordPreferences(tx: Store, value: UserPreferencesValue, now: number): void {
  for (const preference of value.user_preferences) {
    if (preference.value !== 'stop' && preference.value !== 'resume') continue;
    const key = resolveContactKey(tx, { userId: preference.user_id, phone: preference.wa_id });
    if (key === undefined) continue;
    // Consent may arrive before the customer ever wrote: the contact is created to hold it.
    tx.insert(contacts)
      .values({ key, phone: preference.wa_id ?? null, userId: preference.user_id ?? null, createdAt: now })
      .onConflictDoNothing()
      .run();
    recordConsent(tx, {
      contactKey: key,
      category: 'marketing',
      action: preference.value === 'stop' ? 'opt_out' : 'resume',
      wording:
        preference.value === 'stop'
          ? 'Stopped marketing messages in WhatsApp'
          : 'Resumed marketing messages in WhatsApp',
      source: 'whatsapp_user_preferences',
      at: now,
    });
  }
}

/** Events Parley does not act on yet are kept as they came, so an acknowledged webhook loses nothing. */
function keepUnhandled(tx: Store, event: WebhookEvent, now: number): void {
  tx.insert(unhandledWebhooks)
    .values({ kind: event.kind, field: event.kind === 'other' ? event.field : null, event: writeJson(event), at: now })
    .run();
}

function timestampMs(timestamp: string | undefined, fallback: number): number {
  const seconds = Number(timestamp);
  return timestamp !== undefined && Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : fallback;
}
