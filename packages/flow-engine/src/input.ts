import { z } from 'zod';

// Every message carries its wamid and, when the webhook said, when the
// customer sent it: the runtime may process it minutes later, and the 24-hour
// window opens at the customer's message, not at processing time.
const messageBase = {
  id: z.string(),
  /** When the customer sent it (epoch ms, the webhook's `timestamp`); the processing time if absent. */
  at: z.number().optional(),
};

/** A customer's message, reduced to what a flow can react to. The runtime maps webhooks onto it. */
export const InboundMessage = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), ...messageBase, text: z.string() }),
  z.object({ kind: z.literal('button_reply'), ...messageBase, replyId: z.string(), title: z.string() }),
  z.object({ kind: z.literal('list_reply'), ...messageBase, replyId: z.string(), title: z.string() }),
  /** A tap on a template's quick-reply button (`type: "button"` in the webhook). */
  z.object({ kind: z.literal('template_button'), ...messageBase, payload: z.string(), text: z.string() }),
  z.object({
    kind: z.literal('media'),
    ...messageBase,
    mediaType: z.enum(['image', 'video', 'audio', 'document', 'sticker']),
    mediaId: z.string(),
    caption: z.string().optional(),
  }),
  z.object({
    kind: z.literal('location'),
    ...messageBase,
    latitude: z.number(),
    longitude: z.number(),
    name: z.string().optional(),
    address: z.string().optional(),
  }),
  /** Anything else WhatsApp delivers (reactions, contacts, unsupported types). */
  z.object({ kind: z.literal('other'), ...messageBase, type: z.string() }),
]);
export type InboundMessage = z.infer<typeof InboundMessage>;

/**
 * Why the runtime could not send a message, from Meta's answer or status webhook.
 * Each leads somewhere different (see `sendFailed`), so they stay apart.
 */
export const SendFailureReason = z.enum([
  /** The 24-hour window had closed by send time and the message had no template fallback. */
  'window_closed',
  /** The template (or a text's template fallback) is paused, disabled (132015/132016) or unknown (132001). */
  'template_unavailable',
  /** The customer opted out of this message's category. */
  'opted_out',
  /** WhatsApp could not deliver it (no WhatsApp account, an undeliverable number). */
  'undeliverable',
  /** Meta refused it for good for another reason (unsupported type 131051, media 131053, a bad parameter). */
  'rejected',
  /** Held under the per-user marketing limit (131049); the runtime sends it again later. */
  'marketing_limited',
]);
export type SendFailureReason = z.infer<typeof SendFailureReason>;

export const EngineInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('message'), message: InboundMessage }),
  z.object({ type: z.literal('timer'), timerId: z.string() }),
  /** A business event; starts an event-triggered flow, with `data` as `{{event.*}}`. */
  z.object({ type: z.literal('event'), name: z.string(), data: z.record(z.string(), z.unknown()) }),
  z.object({
    type: z.literal('http_result'),
    requestId: z.string(),
    ok: z.boolean(),
    status: z.number().int(),
    body: z.unknown(),
  }),
  z.object({
    type: z.literal('ai_result'),
    requestId: z.string(),
    ok: z.boolean(),
    /** False when the provider judged the question outside the node's topics. */
    inScope: z.boolean(),
    answer: z.string().optional(),
  }),
  /** The runtime could not send a message of `nodeId`. */
  z.object({
    type: z.literal('send_failed'),
    nodeId: z.string(),
    reason: SendFailureReason,
    /** The Cloud API error code, when Meta gave one. */
    code: z.number().int().optional(),
  }),
  /** An agent hands the conversation back to the bot. */
  z.object({ type: z.literal('handoff_released') }),
]);
export type EngineInput = z.infer<typeof EngineInput>;
