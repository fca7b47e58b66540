import { z } from 'zod';
import { nodeBase } from './common.ts';

export const DurationUnit = z.enum(['seconds', 'minutes', 'hours', 'days']);
export type DurationUnit = z.infer<typeof DurationUnit>;

/** Waits a while before going on, e.g. a review request two days after delivery. */
export const DelayNode = z.object({
  ...nodeBase,
  kind: z.literal('delay'),
  amount: z.number().positive('a delay is longer than zero'),
  unit: DurationUnit,
});
export type DelayNode = z.infer<typeof DelayNode>;

const UNIT_MS: Record<DurationUnit, number> = {
  seconds: 1_000,
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
};

export function delayMs(node: Pick<DelayNode, 'amount' | 'unit'>): number {
  return node.amount * UNIT_MS[node.unit];
}
