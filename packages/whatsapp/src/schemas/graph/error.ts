import { z } from 'zod';

/**
 * The Graph error envelope, reference §1.3. Logic keys on `code` (and
 * `error_data.details`), never on `message`, `error_subcode` or the HTTP status.
 * https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes
 */
export const GraphError = z.looseObject({
  message: z.string(),
  type: z.string().optional(),
  code: z.number().int(),
  error_subcode: z.number().int().optional(),
  error_data: z.looseObject({ messaging_product: z.string().optional(), details: z.string().optional() }).optional(),
  error_user_title: z.string().optional(),
  error_user_msg: z.string().optional(),
  is_transient: z.boolean().optional(),
  fbtrace_id: z.string().optional(),
});
export type GraphError = z.infer<typeof GraphError>;

export const GraphErrorEnvelope = z.looseObject({ error: GraphError });
export type GraphErrorEnvelope = z.infer<typeof GraphErrorEnvelope>;

/** The `errors[]` items of webhooks (statuses, unsupported messages, `value.errors`). */
export const WebhookError = z.looseObject({
  code: z.number().int(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.looseObject({ details: z.string().optional() }).optional(),
  href: z.string().optional(),
});
export type WebhookError = z.infer<typeof WebhookError>;
