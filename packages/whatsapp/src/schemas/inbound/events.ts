import { z } from 'zod';
import type { WebhookError } from '../graph/error.ts';
import { PhoneNumberQualityValue, TemplateCategoryValue, TemplateStatusValue, UserPreferencesValue } from './fields.ts';
import type { InboundWebhookMessage, WebhookContact } from './message.ts';
import type { StatusUpdate } from './status.ts';
import { isKnownField, MessagesValue, type WebhookIssue, type WebhookPayload } from './webhook.ts';

type Origin = { wabaId: string; phoneNumberId?: string };

/** Everything one webhook POST carries, flattened: Meta batches up to 1000 updates per POST. */
export type WebhookEvent =
  | (Origin & { kind: 'message'; message: InboundWebhookMessage; contact?: WebhookContact })
  | (Origin & { kind: 'status'; status: StatusUpdate })
  | (Origin & { kind: 'error'; error: WebhookError })
  | (Origin & { kind: 'template_status'; value: TemplateStatusValue })
  | (Origin & { kind: 'template_category'; value: TemplateCategoryValue })
  | (Origin & { kind: 'phone_number_quality'; value: PhoneNumberQualityValue })
  | (Origin & { kind: 'user_preferences'; value: UserPreferencesValue })
  | (Origin & { kind: 'other'; field: string; value: unknown });

/**
 * Flattens a parsed payload into events, walking every entry, change, message and
 * status. The contact of a message is matched by identity (BSUID or phone), not
 * by position, since a batch can mix customers.
 */
export function listWebhookEvents(payload: WebhookPayload): WebhookEvent[] {
  const events: WebhookEvent[] = [];
  for (const entry of payload.entry) {
    for (const change of entry.changes) {
      const origin: Origin = { wabaId: entry.id };
      events.push(...eventsOfChange(origin, change.field, change.value));
    }
  }
  return events;
}

function eventsOfChange(origin: Origin, field: string, value: unknown): WebhookEvent[] {
  // A malformed known field is kept as `other` rather than lost; parseWebhook reports it.
  const other: WebhookEvent = { ...origin, kind: 'other', field, value };
  switch (field) {
    case 'messages': {
      const parsed = MessagesValue.safeParse(value);
      if (!parsed.success) return [other];
      const phoneNumberId = parsed.data.metadata?.phone_number_id;
      const here = phoneNumberId === undefined ? origin : { ...origin, phoneNumberId };
      const contacts = parsed.data.contacts ?? [];
      return [
        ...(parsed.data.messages ?? []).map((message): WebhookEvent => {
          const contact =
            contacts.find((c) => sameParty(c, message)) ?? (contacts.length === 1 ? contacts[0] : undefined);
          return contact ? { ...here, kind: 'message', message, contact } : { ...here, kind: 'message', message };
        }),
        ...(parsed.data.statuses ?? []).map((status): WebhookEvent => ({ ...here, kind: 'status', status })),
        ...(parsed.data.errors ?? []).map((error): WebhookEvent => ({ ...here, kind: 'error', error })),
      ];
    }
    case 'message_template_status_update': {
      const parsed = TemplateStatusValue.safeParse(value);
      return parsed.success ? [{ ...origin, kind: 'template_status', value: parsed.data }] : [other];
    }
    case 'template_category_update': {
      const parsed = TemplateCategoryValue.safeParse(value);
      return parsed.success ? [{ ...origin, kind: 'template_category', value: parsed.data }] : [other];
    }
    case 'phone_number_quality_update': {
      const parsed = PhoneNumberQualityValue.safeParse(value);
      return parsed.success ? [{ ...origin, kind: 'phone_number_quality', value: parsed.data }] : [other];
    }
    case 'user_preferences': {
      const parsed = UserPreferencesValue.safeParse(value);
      return parsed.success ? [{ ...origin, kind: 'user_preferences', value: parsed.data }] : [other];
    }
    default:
      return [other];
  }
}

function sameParty(contact: WebhookContact, message: InboundWebhookMessage): boolean {
  if (contact.user_id && message.from_user_id) return contact.user_id === message.from_user_id;
  return Boolean(contact.wa_id) && contact.wa_id === message.from;
}

/** Only the envelope: each change's value is parsed once, by its field's schema, in eventsOfChange. */
const Envelope = z.looseObject({
  object: z.string(),
  entry: z.array(
    z.looseObject({ id: z.string(), changes: z.array(z.looseObject({ field: z.string(), value: z.unknown() })) }),
  ),
});

export type ReadWebhookResult =
  | { ok: true; events: WebhookEvent[]; issues: WebhookIssue[] }
  | { ok: false; issues: WebhookIssue[] };

/**
 * Reads a decoded webhook body into events, parsing each item once. Only a
 * broken envelope fails; a known field whose value does not match its schema
 * comes back as an `other` event, with its issues, so the rest of the batch
 * is still recorded and nothing acknowledged is lost.
 */
export function readWebhook(json: unknown): ReadWebhookResult {
  const envelope = Envelope.safeParse(json);
  if (!envelope.success) {
    return {
      ok: false,
      issues: envelope.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    };
  }
  const events: WebhookEvent[] = [];
  const issues: WebhookIssue[] = [];
  envelope.data.entry.forEach((entry, e) => {
    entry.changes.forEach((change, c) => {
      const found = eventsOfChange({ wabaId: entry.id }, change.field, change.value);
      if (isKnownField(change.field) && found.length === 1 && found[0]?.kind === 'other') {
        issues.push({ path: `entry.${e}.changes.${c}.value`, message: `the ${change.field} value is not readable` });
      }
      events.push(...found);
    });
  });
  return { ok: true, events, issues };
}
