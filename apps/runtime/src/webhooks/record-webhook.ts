import { MessagesValue, UserPreferencesValue, type WebhookPayload } from '@parley/whatsapp';
import { eq, sql } from 'drizzle-orm';
import { writeJson } from '../db/json.ts';
import type { Store } from '../db/open-database.ts';
import { resolveContactKey } from '../db/resolve-contact.ts';
import { consents, contacts, inbox, messages } from '../db/schema.ts';
import { applyStatus } from './apply-status.ts';
import type { StatusQueries } from './status-queries.ts';

export type RecordResult = {
  messages: number;
  statuses: number;
  duplicates: number;
  /** New statuses, for the sandbox's live view. */
  applied: { wamid: string; status: string; contactKey: string | undefined }[];
};

/**
 * Persists every message and status of a verified webhook inside the caller's transaction,
 * deduplicated by wamid (messages) and by (wamid, status) (statuses). Only after
 * it commits does the route answer 200, so nothing acknowledged is lost.
 */
export function recordWebhook(tx: Store, queries: StatusQueries, body: WebhookPayload, now: number): RecordResult {
  const result: RecordResult = { messages: 0, statuses: 0, duplicates: 0, applied: [] };
  for (const entry of body.entry) {
    for (const change of entry.changes) {
      if (change.field === 'user_preferences') {
        const preferences = UserPreferencesValue.safeParse(change.value);
        if (preferences.success) recordPreferences(tx, preferences.data, now);
        continue;
      }
      if (change.field !== 'messages') continue;
      const parsed = MessagesValue.safeParse(change.value);
      if (!parsed.success) continue;
      recordMessages(tx, parsed.data, now, result);
      recordStatuses(tx, queries, parsed.data, now, result);
    }
  }
  return result;
}

function recordMessages(tx: Store, value: MessagesValue, now: number, result: RecordResult): void {
  const names = new Map<string, string>();
  for (const profile of value.contacts ?? []) {
    for (const id of [profile.user_id, profile.wa_id]) {
      if (id && profile.profile?.name) names.set(id, profile.profile.name);
    }
  }
  for (const message of value.messages ?? []) {
    const key = resolveContactKey(tx, { userId: message.from_user_id, phone: message.from });
    if (key === undefined) continue;
    const sentAt = Math.min(now, timestampMs(message.timestamp, now));
    tx.insert(contacts)
      .values({
        key,
        phone: message.from || null,
        userId: message.from_user_id ?? null,
        name: names.get(message.from_user_id ?? '') ?? names.get(message.from ?? '') ?? null,
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
        },
      })
      .run();
    const inserted = tx
      .insert(inbox)
      .values({
        contactKey: key,
        wamid: message.id,
        kind: 'message',
        input: writeJson(message),
        occurredAt: sentAt,
        receivedAt: now,
      })
      .onConflictDoNothing()
      .run();
    if (inserted.changes === 0) {
      result.duplicates += 1;
      continue;
    }
    tx.insert(messages)
      .values({
        contactKey: key,
        direction: 'in',
        wamid: message.id,
        payload: writeJson(message),
        status: 'received',
        at: sentAt,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .run();
    result.messages += 1;
  }
}

function recordStatuses(
  tx: Store,
  queries: StatusQueries,
  value: MessagesValue,
  now: number,
  result: RecordResult,
): void {
  for (const status of value.statuses ?? []) {
    const inserted = queries.insertEvent.run({
      wamid: status.id,
      status: status.status,
      callbackKey: status.biz_opaque_callback_data ?? null,
      payload: writeJson(status),
      at: now,
    });
    if (inserted.changes === 0) {
      result.duplicates += 1;
      continue;
    }
    const contactKey = applyStatus(tx, queries, status, now);
    result.statuses += 1;
    result.applied.push({ wamid: status.id, status: status.status, contactKey });
  }
}

/** `user_preferences` webhooks: the customer stopped or resumed marketing messages in WhatsApp itself. */
function recordPreferences(tx: Store, value: UserPreferencesValue, now: number): void {
  for (const preference of value.user_preferences) {
    const key = resolveContactKey(tx, { userId: preference.user_id, phone: preference.wa_id });
    if (key === undefined || (preference.value !== 'stop' && preference.value !== 'resume')) continue;
    const known = tx.select({ key: contacts.key }).from(contacts).where(eq(contacts.key, key)).get();
    if (!known) continue;
    tx.insert(consents)
      .values({
        contactKey: key,
        category: 'marketing',
        action: preference.value === 'stop' ? 'opt_out' : 'opt_in',
        wording:
          preference.value === 'stop'
            ? 'Stopped marketing messages in WhatsApp'
            : 'Resumed marketing messages in WhatsApp',
        source: 'whatsapp_user_preferences',
        at: now,
      })
      .run();
  }
}

function timestampMs(timestamp: string | undefined, fallback: number): number {
  const seconds = Number(timestamp);
  return timestamp !== undefined && Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : fallback;
}
