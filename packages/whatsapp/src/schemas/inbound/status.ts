import { z } from 'zod';
import { WebhookError } from '../graph/error.ts';

/**
 * One item of `value.statuses[]`, reference §3.6. Both shapes are accepted: ≤v23
 * with `conversation` on every status, v24+ without it (except inside a free
 * entry point). A status to a BSUID carries `recipient_user_id` instead of
 * `recipient_id`. https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/payload-examples#message-status-updates
 */
export const StatusUpdate = z.looseObject({
  id: z.string().min(1),
  /** `sent`, `delivered`, `read`, `failed`, `played`; kept as a string so new ones are not rejected. */
  status: z.string(),
  timestamp: z.string(),
  recipient_id: z.string().optional(),
  recipient_user_id: z.string().optional(),
  parent_recipient_user_id: z.string().optional(),
  recipient_type: z.string().optional(),
  recipient_participant_id: z.string().optional(),
  biz_opaque_callback_data: z.string().optional(),
  conversation: z
    .looseObject({
      id: z.string(),
      expiration_timestamp: z.string().optional(),
      origin: z.looseObject({ type: z.string() }).optional(),
    })
    .optional(),
  pricing: z
    .looseObject({
      billable: z.boolean().optional(),
      pricing_model: z.string().optional(),
      type: z.string().optional(),
      category: z.string().optional(),
    })
    .optional(),
  errors: z.array(WebhookError).optional(),
  /** Set only on an item kept by `parseWebhook` because it did not match its known shape: the original object. */
  raw: z.unknown().optional(),
  /** Set only on such a kept item: which field broke which rule. */
  parse_error: z.string().optional(),
});
export type StatusUpdate = z.infer<typeof StatusUpdate>;
