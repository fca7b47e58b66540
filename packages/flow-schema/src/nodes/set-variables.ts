import { z } from 'zod';
import { VariableName } from '../ids.ts';
import { nodeBase } from './common.ts';

/** Sets variables to values, which may hold placeholders. */
export const SetVariablesNode = z.object({
  ...nodeBase,
  kind: z.literal('set_variables'),
  assignments: z.array(z.object({ variable: VariableName, value: z.string() })).min(1, 'set at least one variable'),
});
export type SetVariablesNode = z.infer<typeof SetVariablesNode>;
