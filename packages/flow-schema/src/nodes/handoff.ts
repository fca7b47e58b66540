import { z } from 'zod';
import { nodeBase, sessionSendFields } from './common.ts';

/** Hands the conversation to a person; the bot stays silent until an agent releases it. */
export const HandoffNode = z.object({
  ...nodeBase,
  kind: z.literal('handoff'),
  /** Told to the customer, e.g. "A colleague will reply shortly." */
  message: z.string().optional(),
  /** Which team receives it, e.g. "billing". */
  queue: z.string().default('default'),
  ...sessionSendFields,
});
export type HandoffNode = z.infer<typeof HandoffNode>;
