import { EngineInput } from '@parley/flow-engine';
import { z } from 'zod';

/**
 * The shapes the runtime writes into `inbox.input`, per `inbox.kind`. Customer
 * messages are stored raw (as Meta sent them) and mapped when processed.
 */
export const StoredMessage = z.looseObject({ id: z.string(), type: z.string() });
export const StoredTimer = z.object({ timerId: z.string() });
export const StoredStart = z.object({
  flowId: z.string(),
  /** Pinned when the API answered with a session id; otherwise the newest version when processed. */
  version: z.number().int().optional(),
  sessionId: z.string().optional(),
  event: z.object({ name: z.string(), data: z.record(z.string(), z.unknown()) }).optional(),
  variables: z.record(z.string(), z.unknown()).optional(),
});
export type StoredStart = z.infer<typeof StoredStart>;
/** Results and failures fed back to a running session: the engine's input plus the session it belongs to. */
export const StoredResult = z.object({ sessionId: z.string(), input: EngineInput });
