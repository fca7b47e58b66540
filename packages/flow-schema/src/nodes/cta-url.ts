import { z } from 'zod';
import { InteractiveHeader, nodeBase, sessionSendFields } from './common.ts';

/** Sends a message with one button that opens a web page. */
export const CtaUrlNode = z.object({
  ...nodeBase,
  kind: z.literal('cta_url'),
  header: InteractiveHeader.optional(),
  body: z.string(),
  footer: z.string().optional(),
  displayText: z.string(),
  /** May end with a `{{variable}}`, e.g. a tracking page per order. */
  url: z.string().min(1, 'a link button needs a web address'),
  ...sessionSendFields,
});
export type CtaUrlNode = z.infer<typeof CtaUrlNode>;
