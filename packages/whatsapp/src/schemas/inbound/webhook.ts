import { z } from 'zod';
import { WebhookError } from '../graph/error.ts';
import { PhoneNumberQualityValue, TemplateCategoryValue, TemplateStatusValue, UserPreferencesValue } from './fields.ts';
import { contentId, keepUnrecognised, stringFields } from './keep-unrecognised.ts';
import { InboundWebhookMessage, WebhookContact } from './message.ts';
import { StatusUpdate } from './status.ts';

/*
 * Items of a `messages` change are checked one by one: an item that does not
 * match its known shape is kept (see keep-unrecognised.ts) so the rest of the
 * batch is recorded. A kept message has its `type` but no body, so callers see
 * a message they cannot read, the same as an unknown type.
 */
const KeptMessage = keepUnrecognised(InboundWebhookMessage, (item, unrecognised): InboundWebhookMessage => {
  const readable = stringFields(item, ['id', 'from', 'from_user_id', 'from_parent_user_id', 'timestamp', 'type']);
  return {
    ...readable,
    id: readable.id || contentId(item),
    timestamp: readable.timestamp ?? '',
    type: readable.type ?? 'unknown',
    ...unrecognised,
  };
});

/** A kept status keeps its id, status and recipient, so a readable `delivered` still moves its message on. */
const KeptStatus = keepUnrecognised(StatusUpdate, (item, unrecognised): StatusUpdate => {
  const readable = stringFields(item, [
    'id',
    'status',
    'timestamp',
    'recipient_id',
    'recipient_user_id',
    'parent_recipient_user_id',
    'recipient_type',
    'biz_opaque_callback_data',
  ]);
  return {
    ...readable,
    id: readable.id || contentId(item),
    status: readable.status ?? 'unknown',
    timestamp: readable.timestamp ?? '',
    ...unrecognised,
  };
});

const KeptContact = keepUnrecognised(
  WebhookContact,
  (item, unrecognised): WebhookContact => ({
    ...stringFields(item, ['wa_id', 'user_id', 'parent_user_id']),
    ...unrecognised,
  }),
);

/** A system-level error whose code is unreadable gets code 0, which no Meta error uses. */
const KeptError = keepUnrecognised(WebhookError, (item, unrecognised): WebhookError => {
  const code: unknown = typeof item === 'object' && item !== null ? Reflect.get(item, 'code') : undefined;
  return { code: typeof code === 'number' && Number.isInteger(code) ? code : 0, ...unrecognised };
});

/**
 * The webhook envelope, reference §3.4: `entry[].changes[]`, each routed by
 * `field`. Known fields are checked against their schema; unknown fields are
 * kept as they are (log them, never drop them).
 * https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/components
 */
export const MessagesValue = z.looseObject({
  messaging_product: z.literal('whatsapp'),
  // Meta always sends it, but a relay or an old test tool may not: the messages are kept all the same.
  metadata: z.looseObject({ display_phone_number: z.string(), phone_number_id: z.string() }).optional(),
  contacts: z.array(KeptContact).optional(),
  messages: z.array(KeptMessage).optional(),
  statuses: z.array(KeptStatus).optional(),
  errors: z.array(KeptError).optional(),
});
export type MessagesValue = z.infer<typeof MessagesValue>;

/** The schema for each field Parley subscribes to; other fields pass unchecked. */
export const FIELD_SCHEMAS = {
  messages: MessagesValue,
  message_template_status_update: TemplateStatusValue,
  template_category_update: TemplateCategoryValue,
  phone_number_quality_update: PhoneNumberQualityValue,
  user_preferences: UserPreferencesValue,
} as const;

export type KnownField = keyof typeof FIELD_SCHEMAS;

export function isKnownField(field: string): field is KnownField {
  return Object.hasOwn(FIELD_SCHEMAS, field);
}

const WebhookChange = z.looseObject({ field: z.string(), value: z.unknown() }).superRefine((change, ctx) => {
  if (!isKnownField(change.field)) return;
  const result = FIELD_SCHEMAS[change.field].safeParse(change.value);
  if (result.success) return;
  for (const issue of result.error.issues) {
    ctx.addIssue({ ...issue, code: 'custom', path: ['value', ...issue.path], message: issue.message });
  }
});

export const WebhookPayload = z.looseObject({
  object: z.string(),
  entry: z.array(
    z.looseObject({
      id: z.string(),
      time: z.number().optional(),
      changes: z.array(WebhookChange),
    }),
  ),
});
export type WebhookPayload = z.infer<typeof WebhookPayload>;
export type WebhookChange = z.infer<typeof WebhookChange>;

export type WebhookIssue = { path: string; message: string };
export type ParseWebhookResult = { ok: true; value: WebhookPayload } | { ok: false; issues: WebhookIssue[] };

/**
 * Parses a webhook body (already JSON-decoded, after the signature check).
 * Lenient: unknown fields, unknown message types and unknown `changes[].field`s
 * are kept, and so is a message, status, contact or error that does not match
 * its known shape (with `raw` and `parse_error`), so one bad item never costs
 * the batch. Fails only when the envelope itself, or a known field's value
 * around its items, is malformed, naming where.
 */
export function parseWebhook(json: unknown): ParseWebhookResult {
  const result = WebhookPayload.safeParse(json);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
  };
}
