import { EngineInput, InboundMessage } from '@parley/flow-engine';
import { z } from 'zod';

/**
 * Everything a conversation can receive, one kind per row of the inbox. The
 * `kind` column says which; `input` holds the payload as JSON. A customer
 * message is stored as the engine reads it (mapped once, at the webhook);
 * the conversation log keeps it as Meta sent it.
 */
export const INBOX_KINDS = [
  'message',
  'timer',
  'start',
  'http_result',
  'ai_result',
  'send_failed',
  'handoff_released',
] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

/** A customer message the engine reads, or one that is not a turn (a reaction). */
export const StoredMessage = z.union([InboundMessage, z.object({ kind: z.literal('ignored'), id: z.string() })]);
export type StoredMessage = z.infer<typeof StoredMessage>;

export const StoredStart = z.object({
  flowId: z.string(),
  /** Pinned when the API answered with a session id; otherwise the newest version when processed. */
  version: z.number().int().optional(),
  sessionId: z.string().optional(),
  event: z.object({ name: z.string(), data: z.record(z.string(), z.unknown()) }).optional(),
  variables: z.record(z.string(), z.unknown()).optional(),
});
export type StoredStart = z.infer<typeof StoredStart>;

/** Results fed back to a session: the engine's own input, and the session it belongs to. */
const ResultFor = z.object({ sessionId: z.string(), input: EngineInput });

export const InboxInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('message'), payload: StoredMessage }),
  z.object({ kind: z.literal('timer'), payload: z.object({ timerId: z.string() }) }),
  z.object({ kind: z.literal('start'), payload: StoredStart }),
  z.object({ kind: z.literal('http_result'), payload: ResultFor }),
  z.object({ kind: z.literal('ai_result'), payload: ResultFor }),
  z.object({ kind: z.literal('send_failed'), payload: ResultFor }),
  z.object({ kind: z.literal('handoff_released'), payload: ResultFor }),
]);
export type InboxInput = z.infer<typeof InboxInput>;

/** Reads a stored row back into the union; a row that no longer parses is a bug, named by its kind. */
export function parseInboxInput(kind: InboxKind, input: string): InboxInput {
  const parsed = InboxInput.safeParse({ kind, payload: JSON.parse(input) });
  if (!parsed.success) {
    throw new Error(`the stored ${kind} input does not match its schema: ${parsed.error.issues[0]?.message}`);
  }
  return parsed.data;
}
