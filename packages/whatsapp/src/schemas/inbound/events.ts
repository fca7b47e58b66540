import type { WebhookError } from '../graph/error.ts';
import { PhoneNumberQualityValue, TemplateCategoryValue, TemplateStatusValue, UserPreferencesValue } from './fields.ts';
import type { InboundWebhookMessage, WebhookContact } from './message.ts';
import type { StatusUpdate } from './status.ts';
import { MessagesValue, type WebhookPayload } from './webhook.ts';

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
      const here = { ...origin, phoneNumberId: parsed.data.metadata.phone_number_id };
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
