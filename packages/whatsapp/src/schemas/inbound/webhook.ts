import { z } from 'zod';
import { WebhookError } from '../graph/error.ts';
import { PhoneNumberQualityValue, TemplateCategoryValue, TemplateStatusValue, UserPreferencesValue } from './fields.ts';
import { InboundWebhookMessage, WebhookContact } from './message.ts';
import { StatusUpdate } from './status.ts';

/**
 * The webhook envelope, reference §3.4: `entry[].changes[]`, each routed by
 * `field`. Known fields are checked against their schema; unknown fields are
 * kept as they are (log them, never drop them).
 * https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/components
 */
export const MessagesValue = z.looseObject({
  messaging_product: z.literal('whatsapp'),
  metadata: z.looseObject({ display_phone_number: z.string(), phone_number_id: z.string() }),
  contacts: z.array(WebhookContact).optional(),
  messages: z.array(InboundWebhookMessage).optional(),
  statuses: z.array(StatusUpdate).optional(),
  errors: z.array(WebhookError).optional(),
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
 * are kept. Fails only when a known part is malformed, naming where.
 */
export function parseWebhook(json: unknown): ParseWebhookResult {
  const result = WebhookPayload.safeParse(json);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
  };
}
