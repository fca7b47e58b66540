import { z } from 'zod';
import { VariableName } from './ids.ts';

export const VariableType = z.enum(['text', 'number', 'boolean', 'date', 'object']);
export type VariableType = z.infer<typeof VariableType>;

export const Variable = z.object({
  name: VariableName,
  type: VariableType.default('text'),
  description: z.string().default(''),
  /** Used when nothing has set the variable yet; absent means "not set". */
  defaultValue: z.union([z.string(), z.number(), z.boolean()]).optional(),
  /** Example shown in the editor's previews, e.g. "Maria". */
  example: z.string().optional(),
});
export type Variable = z.infer<typeof Variable>;

/**
 * Variables every conversation has without declaring them. `event` holds the
 * data of the business event that started the flow, e.g. `{{event.order_id}}`.
 */
export const BUILT_IN_VARIABLES = ['contact_name', 'contact_phone', 'event', 'last_message'] as const;
