import { z } from 'zod';
import { nodeBase } from './common.ts';

export const ConditionOperator = z.enum([
  'equals',
  'not_equals',
  'contains',
  'greater_than',
  'less_than',
  'is_set',
  'is_not_set',
  'matches',
]);
export type ConditionOperator = z.infer<typeof ConditionOperator>;

export const ConditionRule = z.object({
  id: z.string().min(1, 'a rule needs an id'),
  /** A variable name, dotted for fields of structured values (`event.total`). */
  variable: z.string().min(1, 'a rule must name a variable'),
  operator: ConditionOperator,
  /** Compared value; may hold placeholders. Not used by `is_set` and `is_not_set`. */
  value: z.string().default(''),
});
export type ConditionRule = z.infer<typeof ConditionRule>;

/** Routes by the first rule that holds; `else` when none does. */
export const ConditionNode = z.object({
  ...nodeBase,
  kind: z.literal('condition'),
  rules: z.array(ConditionRule).min(1, 'a condition needs at least one rule'),
});
export type ConditionNode = z.infer<typeof ConditionNode>;
