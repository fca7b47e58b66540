import { z } from 'zod';

// TEMPORARY until the engine exports its effect schemas.
export const OutboundPayload = z.looseObject({ type: z.string() });
export type OutboundPayload = z.infer<typeof OutboundPayload>;
export const PricingCategory = z.enum(['service', 'marketing', 'utility', 'authentication']);
export type PricingCategory = z.infer<typeof PricingCategory>;
export const Fallback = z.object({ payload: OutboundPayload, pricing: PricingCategory });
export type Fallback = z.infer<typeof Fallback>;
