import { z } from 'zod';
import { WebhookError } from '../graph/error.ts';

/**
 * One item of `value.messages[]`, reference §3.5. Lenient on purpose: unknown
 * fields and unknown message types are kept, because Meta adds both without
 * notice and a dropped inbound message is a lost customer.
 * `from` may be empty or missing for username users; `from_user_id` is the BSUID.
 * https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/payload-examples
 */
const InboundMedia = z.looseObject({
  id: z.string(),
  mime_type: z.string().optional(),
  sha256: z.string().optional(),
  caption: z.string().optional(),
  filename: z.string().optional(),
  voice: z.boolean().optional(),
  animated: z.boolean().optional(),
  url: z.string().optional(),
});

const Interactive = z.looseObject({
  type: z.string(),
  button_reply: z.looseObject({ id: z.string(), title: z.string() }).optional(),
  list_reply: z.looseObject({ id: z.string(), title: z.string(), description: z.string().optional() }).optional(),
  nfm_reply: z
    .looseObject({ name: z.string().optional(), body: z.string().optional(), response_json: z.string() })
    .optional(),
});

const Referral = z.looseObject({
  source_url: z.string().optional(),
  source_id: z.string().optional(),
  source_type: z.string().optional(),
  headline: z.string().optional(),
  body: z.string().optional(),
  media_type: z.string().optional(),
  image_url: z.string().optional(),
  video_url: z.string().optional(),
  thumbnail_url: z.string().optional(),
  ctwa_clid: z.string().optional(),
  welcome_message: z.looseObject({ text: z.string().optional() }).optional(),
});

const Context = z.looseObject({
  from: z.string().optional(),
  id: z.string().optional(),
  forwarded: z.boolean().optional(),
  frequently_forwarded: z.boolean().optional(),
  referred_product: z.looseObject({ catalog_id: z.string(), product_retailer_id: z.string() }).optional(),
});

export const InboundWebhookMessage = z.looseObject({
  from: z.string().optional(),
  from_user_id: z.string().optional(),
  from_parent_user_id: z.string().optional(),
  id: z.string().min(1),
  timestamp: z.string(),
  type: z.string(),
  group_id: z.string().optional(),
  context: Context.optional(),
  referral: Referral.optional(),
  errors: z.array(WebhookError).optional(),
  text: z.looseObject({ body: z.string() }).optional(),
  image: InboundMedia.optional(),
  video: InboundMedia.optional(),
  audio: InboundMedia.optional(),
  document: InboundMedia.optional(),
  sticker: InboundMedia.optional(),
  interactive: Interactive.optional(),
  /** A template quick-reply tap: `payload` set when sending, falling back to the label. */
  button: z.looseObject({ payload: z.string().optional(), text: z.string() }).optional(),
  location: z
    .looseObject({
      latitude: z.number(),
      longitude: z.number(),
      name: z.string().optional(),
      address: z.string().optional(),
      url: z.string().optional(),
    })
    .optional(),
  contacts: z.array(z.looseObject({})).optional(),
  /** `emoji` is missing when the user removes a reaction. */
  reaction: z.looseObject({ message_id: z.string(), emoji: z.string().optional() }).optional(),
  system: z
    .looseObject({
      body: z.string().optional(),
      type: z.string().optional(),
      wa_id: z.string().optional(),
      user_id: z.string().optional(),
      parent_user_id: z.string().optional(),
    })
    .optional(),
  order: z
    .looseObject({
      catalog_id: z.string(),
      text: z.string().optional(),
      product_items: z.array(
        z.looseObject({
          product_retailer_id: z.string(),
          quantity: z.union([z.number(), z.string()]),
          item_price: z.union([z.number(), z.string()]),
          currency: z.string(),
        }),
      ),
    })
    .optional(),
  unsupported: z.looseObject({ type: z.string().optional() }).optional(),
  /** Set only on an item kept by `parseWebhook` because it did not match its known shape: the original object. */
  raw: z.unknown().optional(),
  /** Set only on such a kept item: which field broke which rule. */
  parse_error: z.string().optional(),
});
export type InboundWebhookMessage = z.infer<typeof InboundWebhookMessage>;

/** `value.contacts[]`: profile, phone (`wa_id`, may be empty or missing) and BSUIDs. */
export const WebhookContact = z.looseObject({
  profile: z.looseObject({ name: z.string().optional(), username: z.string().optional() }).optional(),
  wa_id: z.string().optional(),
  user_id: z.string().optional(),
  parent_user_id: z.string().optional(),
  raw: z.unknown().optional(),
  parse_error: z.string().optional(),
});
export type WebhookContact = z.infer<typeof WebhookContact>;
