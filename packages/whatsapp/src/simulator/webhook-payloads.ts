import type { StatusUpdate } from '../schemas/inbound/status.ts';
import { unixSeconds } from './clock.ts';

/** Who the webhook is about, as Meta identifies a customer (phone and/or BSUID). */
export type Party = {
  phone?: string | undefined;
  userId: string;
  name?: string | undefined;
  username?: string | undefined;
};

export type Business = { wabaId: string; phoneNumberId: string; displayPhoneNumber: string };

function envelope(business: Business, field: string, value: unknown, time?: number) {
  const entry: Record<string, unknown> = { id: business.wabaId, changes: [{ field, value }] };
  if (time !== undefined) entry.time = time;
  return { object: 'whatsapp_business_account', entry: [entry] };
}

function metadata(business: Business) {
  return { display_phone_number: business.displayPhoneNumber, phone_number_id: business.phoneNumberId };
}

function contactOf(party: Party) {
  const profile: Record<string, string> = {};
  if (party.name !== undefined) profile.name = party.name;
  if (party.username !== undefined) profile.username = party.username;
  const contact: Record<string, unknown> = { profile };
  if (party.phone !== undefined) contact.wa_id = party.phone;
  contact.user_id = party.userId;
  return contact;
}

/** An inbound `messages` webhook: one message from `party`; `message` holds `type` and its body. */
export function inboundPayload(
  business: Business,
  party: Party,
  message: { id: string; type: string; [body: string]: unknown },
  at: number,
) {
  const item: Record<string, unknown> = {};
  if (party.phone !== undefined) item.from = party.phone;
  item.from_user_id = party.userId;
  Object.assign(item, { id: message.id, timestamp: unixSeconds(at) }, message);
  return envelope(business, 'messages', {
    messaging_product: 'whatsapp',
    metadata: metadata(business),
    contacts: [contactOf(party)],
    messages: [item],
  });
}

export type StatusFacts = {
  wamid: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  at: number;
  /** Addressed by BSUID: the status carries `recipient_user_id` and no `recipient_id`. */
  addressedByUserId: boolean;
  callbackData?: string | undefined;
  pricing?: { category: string; type: string } | undefined;
  /** v23 shape: a `conversation` object on every status. */
  conversation?: { id: string; expiresAt: number; origin: string } | undefined;
  error?: { code: number; title: string; details: string } | undefined;
};

/** A status webhook for one outbound message, v24 shape unless `conversation` is given. */
export function statusPayload(business: Business, party: Party, facts: StatusFacts) {
  const status: StatusUpdate = { id: facts.wamid, status: facts.status, timestamp: unixSeconds(facts.at) };
  if (facts.addressedByUserId || party.phone === undefined) status.recipient_user_id = party.userId;
  else status.recipient_id = party.phone;
  if (facts.callbackData !== undefined) status.biz_opaque_callback_data = facts.callbackData;
  if (facts.conversation) {
    status.conversation = {
      id: facts.conversation.id,
      expiration_timestamp: unixSeconds(facts.conversation.expiresAt),
      origin: { type: facts.conversation.origin },
    };
  }
  if (facts.pricing) {
    status.pricing = { billable: facts.pricing.type === 'regular', pricing_model: 'PMP', ...facts.pricing };
  }
  if (facts.error) {
    status.errors = [
      {
        code: facts.error.code,
        title: facts.error.title,
        message: facts.error.title,
        error_data: { details: facts.error.details },
        href: 'https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes',
      },
    ];
  }
  return envelope(business, 'messages', {
    messaging_product: 'whatsapp',
    metadata: metadata(business),
    statuses: [status],
    contacts: [contactOf(party)],
  });
}

/**
 * A `user_preferences` webhook, reference §3.7 and §8.4: the customer stopped
 * or resumed marketing messages from the business in WhatsApp itself.
 */
export function userPreferencesPayload(business: Business, party: Party, value: 'stop' | 'resume', at: number) {
  const preference: Record<string, unknown> = {};
  if (party.phone !== undefined) preference.wa_id = party.phone;
  Object.assign(preference, {
    user_id: party.userId,
    detail: `User requested to ${value} marketing messages`,
    category: 'marketing_messages',
    value,
    timestamp: Math.floor(at / 1000),
  });
  return envelope(
    business,
    'user_preferences',
    {
      messaging_product: 'whatsapp',
      metadata: metadata(business),
      contacts: [contactOf(party)],
      user_preferences: [preference],
    },
    Math.floor(at / 1000),
  );
}

/** `message_template_status_update`, e.g. when a submitted template is approved. */
export function templateStatusPayload(
  business: Business,
  template: { id: string; name: string; language: string; category: string },
  event: string,
  at: number,
) {
  return envelope(
    business,
    'message_template_status_update',
    {
      event,
      message_template_id: Number(template.id),
      message_template_name: template.name,
      message_template_language: template.language,
      reason: event === 'REJECTED' ? 'INVALID_FORMAT' : 'NONE',
      message_template_category: template.category,
    },
    Math.floor(at / 1000),
  );
}
