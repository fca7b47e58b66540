import { z } from 'zod';
import { nodeBase, sessionSendFields } from './common.ts';

/** Sends a text message. */
export const TextNode = z.object({
  ...nodeBase,
  kind: z.literal('text'),
  text: z.string(),
  /** Show a preview of the first link in the text. */
  previewUrl: z.boolean().default(false),
  ...sessionSendFields,
});
export type TextNode = z.infer<typeof TextNode>;
