import { z } from 'zod';
import { FlowId } from '../ids.ts';
import { nodeBase } from './common.ts';

/** Continues in another published flow, keeping the conversation's variables. */
export const JumpNode = z.object({
  ...nodeBase,
  kind: z.literal('jump'),
  flowId: FlowId,
});
export type JumpNode = z.infer<typeof JumpNode>;
