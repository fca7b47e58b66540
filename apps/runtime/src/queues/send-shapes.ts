import { OutboundPayload, PricingCategory, SendEffect } from '@parley/flow-engine';
import type { z } from 'zod';

/** The outbox's JSON columns hold the engine's own shapes, parsed with its schemas where they are read. */
export { OutboundPayload, PricingCategory };
export const Fallback = SendEffect.shape.fallback.unwrap();
export type Fallback = z.infer<typeof Fallback>;
