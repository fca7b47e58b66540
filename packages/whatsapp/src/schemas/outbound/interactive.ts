import { z } from 'zod';
import { ButtonInteractive } from './interactive-buttons.ts';
import { CtaUrlInteractive, LocationRequestInteractive } from './interactive-cta.ts';
import { ListInteractive } from './interactive-list.ts';

/**
 * Interactive types Meta has that Parley does not build (reference §2.6). They are
 * let through unchecked so a third-party client can still send them.
 */
export const PASS_THROUGH_INTERACTIVE_TYPES = [
  'product',
  'product_list',
  'catalog_message',
  'flow',
  'address_message',
  'carousel',
  'call_permission_request',
  'order_details',
  'voice_call',
] as const;

const passThrough = PASS_THROUGH_INTERACTIVE_TYPES.map((type) => z.looseObject({ type: z.literal(type) }));

export const Interactive = z.discriminatedUnion('type', [
  ButtonInteractive,
  ListInteractive,
  CtaUrlInteractive,
  LocationRequestInteractive,
  ...passThrough,
]);

export type Interactive = z.infer<typeof Interactive>;
