import { z } from 'zod';
import { nodeBase, sessionSendFields } from './common.ts';

/** Ends the conversation, optionally with a closing message. */
export const EndNode = z.object({
  ...nodeBase,
  kind: z.literal('end'),
  message: z.string().optional(),
  ...sessionSendFields,
});
export type EndNode = z.infer<typeof EndNode>;
