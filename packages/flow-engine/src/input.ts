import { z } from 'zod';

/** A customer's message, reduced to what a flow can react to. The runtime maps webhooks onto it. */
export const InboundMessage = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), id: z.string(), text: z.string() }),
  z.object({ kind: z.literal('button_reply'), id: z.string(), replyId: z.string(), title: z.string() }),
  z.object({ kind: z.literal('list_reply'), id: z.string(), replyId: z.string(), title: z.string() }),
  /** A tap on a template's quick-reply button (`type: "button"` in the webhook). */
  z.object({ kind: z.literal('template_button'), id: z.string(), payload: z.string(), text: z.string() }),
  z.object({
    kind: z.literal('media'),
    id: z.string(),
    mediaType: z.enum(['image', 'video', 'audio', 'document', 'sticker']),
    mediaId: z.string(),
    caption: z.string().optional(),
  }),
  z.object({
    kind: z.literal('location'),
    id: z.string(),
    latitude: z.number(),
    longitude: z.number(),
    name: z.string().optional(),
    address: z.string().optional(),
  }),
  /** Anything else WhatsApp delivers (reactions, contacts, unsupported types). */
  z.object({ kind: z.literal('other'), id: z.string(), type: z.string() }),
]);
export type InboundMessage = z.infer<typeof InboundMessage>;

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
  /** The runtime could not deliver a session message (window closed at send time, undeliverable). */
  z.object({
    type: z.literal('send_failed'),
    nodeId: z.string(),
    reason: z.enum(['window_closed', 'undeliverable', 'opted_out']),
  }),
  /** An agent hands the conversation back to the bot. */
  z.object({ type: z.literal('handoff_released') }),
]);
export type EngineInput = z.infer<typeof EngineInput>;
