import { z } from 'zod';
import { nodeBase, waitFields } from './common.ts';
import { TemplateMessage } from './template-message.ts';

/**
 * Sends an approved template: the only kind of message allowed outside the
 * 24-hour window. When the template has quick-reply buttons the node waits and
 * routes by the payload of the button tapped.
 */
export const TemplateNode = z.object({
  ...nodeBase,
  kind: z.literal('template'),
  template: TemplateMessage,
  ...waitFields,
});
export type TemplateNode = z.infer<typeof TemplateNode>;
