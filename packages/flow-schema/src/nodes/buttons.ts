import { z } from 'zod';
import { ReplyId } from '../ids.ts';
import { InteractiveHeader, nodeBase, sessionSendFields, waitFields } from './common.ts';

export const ReplyButton = z.object({ id: ReplyId, title: z.string() });
export type ReplyButton = z.infer<typeof ReplyButton>;

/** Sends a message with up to three reply buttons and waits; each button has its own port. */
export const ButtonsNode = z.object({
  ...nodeBase,
  kind: z.literal('buttons'),
  header: InteractiveHeader.optional(),
  body: z.string(),
  footer: z.string().optional(),
  buttons: z.array(ReplyButton).min(1, 'a buttons message needs at least one button'),
  ...waitFields,
  ...sessionSendFields,
});
export type ButtonsNode = z.infer<typeof ButtonsNode>;
