import { ConsentCategory, TemplateCategory } from '@parley/flow-schema';
import { z } from 'zod';

// Effects are zod schemas, not only types, because the runtime keeps them in
// JSON columns (the outbox payload, its fallback) and parses them back there.

/**
 * The body of a Cloud API send, exactly as Meta takes it minus the addressing
 * (`messaging_product`, `to`/`recipient`), e.g. `{type: "text", text: {body}}`.
 * Loose on purpose: the runtime validates the full body with @parley/whatsapp
 * before it goes out; here only the `type` the rest hangs on is promised.
 */
export const OutboundPayload = z.looseObject({ type: z.string() });
export type OutboundPayload = z.infer<typeof OutboundPayload>;

/** Meta's per-message pricing categories (service = free-form reply inside the window). */
export const PricingCategory = z.enum(['service', ...TemplateCategory.options]);
export type PricingCategory = z.infer<typeof PricingCategory>;

export const EndOutcome = z.enum([
  'completed',
  'idle_timeout',
  'window_closed',
  'loop_budget_exceeded',
  'opted_out',
  'jumped',
  'broken_flow',
  /** WhatsApp could not deliver a message (reported by the runtime with `send_failed`). */
  'undeliverable',
  /** Meta paused, disabled or does not know the template, and nothing is connected to `not_sent`. */
  'template_unavailable',
  /** Meta refused the message for good (unsupported type, bad media or parameter). */
  'send_rejected',
]);
export type EndOutcome = z.infer<typeof EndOutcome>;

export const SendEffect = z.object({
  type: z.literal('send'),
  /** Stable per send: the runtime's idempotency key derives from it. */
  sendId: z.string(),
  /** The node that sent it; `GLOBAL_NODE` ("(global)") for the bot's disclosure and replies to global words. */
  nodeId: z.string(),
  payload: OutboundPayload,
  /** `session`: free-form, only inside the 24-hour window. `template`: allowed any time. */
  window: z.enum(['session', 'template']),
  pricing: PricingCategory,
  /** For session sends: the template to send instead if the window has closed by send time. */
  fallback: z.object({ payload: OutboundPayload, pricing: PricingCategory }).optional(),
});
export type SendEffect = z.infer<typeof SendEffect>;

const HttpHeader = z.union([
  z.object({ name: z.string(), value: z.string() }),
  /** A secret's name: the runtime puts the value in, so flows and effects never hold it. */
  z.object({ name: z.string(), secret: z.string() }),
]);

export const Effect = z.discriminatedUnion('type', [
  SendEffect,
  z.object({
    type: z.literal('schedule_timer'),
    timerId: z.string(),
    nodeId: z.string().nullable(),
    at: z.number(),
    purpose: z.enum(['delay', 'reply_timeout', 'idle']),
  }),
  z.object({ type: z.literal('cancel_timer'), timerId: z.string() }),
  z.object({
    type: z.literal('http_request'),
    requestId: z.string(),
    nodeId: z.string(),
    method: z.string(),
    url: z.string(),
    headers: z.array(HttpHeader),
    body: z.string().optional(),
    timeoutMs: z.number(),
  }),
  z.object({
    type: z.literal('ai_request'),
    requestId: z.string(),
    nodeId: z.string(),
    question: z.string(),
    instructions: z.string(),
    topics: z.array(z.string()),
  }),
  z.object({
    type: z.literal('handoff'),
    nodeId: z.string().nullable(),
    queue: z.string(),
    reason: z.enum(['node', 'keyword']),
  }),
  z.object({
    type: z.literal('consent'),
    category: z.union([ConsentCategory, z.literal('all')]),
    action: z.enum(['opt_in', 'opt_out']),
    wording: z.string(),
    nodeId: z.string().nullable(),
  }),
  z.object({ type: z.literal('visit'), nodeId: z.string(), at: z.number() }),
  z.object({ type: z.literal('start_flow'), flowId: z.string(), variables: z.record(z.string(), z.unknown()) }),
  /** Something the author should know about, e.g. a placeholder with no value. Not fatal. */
  z.object({ type: z.literal('notice'), code: z.string(), nodeId: z.string().nullable(), message: z.string() }),
  z.object({ type: z.literal('end'), outcome: EndOutcome, nodeId: z.string().nullable(), message: z.string() }),
]);
export type Effect = z.infer<typeof Effect>;

/** What the engine needs from the outside world: the time and fresh ids. Nothing else. */
export type StepContext = {
  now: number;
  newId: (prefix: string) => string;
  /** Node transitions allowed in one step before it stops with `loop_budget_exceeded`. Default 200. */
  maxTransitions?: number;
};

export type StepResult<S> = { session: S; effects: Effect[] };
