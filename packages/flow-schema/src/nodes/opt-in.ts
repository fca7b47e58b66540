import { z } from 'zod';
import { nodeBase } from './common.ts';

export const ConsentCategory = z.enum(['marketing', 'utility']);
export type ConsentCategory = z.infer<typeof ConsentCategory>;

/**
 * Records that the customer agreed to receive messages of a category, with the
 * wording they agreed to as evidence. Place it after the customer said yes.
 */
export const OptInNode = z.object({
  ...nodeBase,
  kind: z.literal('opt_in'),
  category: ConsentCategory,
  /** What the customer agreed to, stored with the consent, e.g. "Weekly offers from Acme Shoes". */
  wording: z.string(),
});
export type OptInNode = z.infer<typeof OptInNode>;
