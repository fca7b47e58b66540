import { z } from 'zod';
import { nodeBase, sessionSendFields } from './common.ts';
import { ConsentCategory } from './opt-in.ts';

/** Records that the customer no longer wants messages of a category (or any). */
export const OptOutNode = z.object({
  ...nodeBase,
  kind: z.literal('opt_out'),
  category: z.union([ConsentCategory, z.literal('all')]),
  confirmation: z.string().optional(),
  ...sessionSendFields,
});
export type OptOutNode = z.infer<typeof OptOutNode>;
