import { z } from 'zod';

/** Session state is persisted by the runtime; its shape is versioned like the flow document. */
export const SESSION_VERSION = 1;

const JsonValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(JsonValue), z.record(z.string(), JsonValue)]),
);

export const Contact = z.object({
  /** The contact key: the BSUID when WhatsApp gave one, else the phone number (wa_id). */
  id: z.string().min(1),
  phone: z.string().optional(),
  name: z.string().optional(),
});
export type Contact = z.infer<typeof Contact>;

/** What the session is paused on, if anything. */
export const Waiting = z.discriminatedUnion('on', [
  /** A reply from the customer to the node (buttons, list, question, location, template quick reply). */
  z.object({
    on: z.literal('reply'),
    nodeId: z.string(),
    attempts: z.number().int().min(0),
    timerId: z.string().optional(),
  }),
  /** A timer (delay node). */
  z.object({ on: z.literal('timer'), nodeId: z.string(), timerId: z.string() }),
  /** The result of an HTTP or AI request the engine asked for. */
  z.object({ on: z.literal('http'), nodeId: z.string(), requestId: z.string() }),
  z.object({ on: z.literal('ai'), nodeId: z.string(), requestId: z.string() }),
  /** A person has the conversation: by a handoff node, or (no node) because the customer asked for one. */
  z.object({ on: z.literal('handoff'), nodeId: z.string().optional() }),
]);
export type Waiting = z.infer<typeof Waiting>;

export const Session = z.object({
  sessionVersion: z.literal(SESSION_VERSION),
  id: z.string(),
  /** Pinned at start: publishing a new version never changes a running conversation. */
  flowId: z.string(),
  flowVersion: z.number().int().min(0),
  contact: Contact,
  status: z.enum(['active', 'waiting', 'handoff', 'ended']),
  /** The node being run or waited on; null before the start and after the end. */
  nodeId: z.string().nullable(),
  waiting: Waiting.nullable(),
  variables: z.record(z.string(), JsonValue),
  /** When the customer last wrote (epoch ms): the 24-hour window is open until 24 h after it. */
  lastInboundAt: z.number().nullable(),
  /** Whether the bot label's disclosure was sent in this conversation. */
  disclosed: z.boolean(),
  /**
   * The session-timeout timer, refreshed on every customer message. Null while
   * the flow waits out a delay node: the bot's own wait does not time out.
   */
  idleTimerId: z.string().nullable(),
  startedAt: z.number(),
  updatedAt: z.number(),
  endedReason: z.string().nullable(),
});
export type Session = z.infer<typeof Session>;
