import { z } from 'zod';
import { Flow } from './flow.ts';

/** The published JSON Schema of a flow file, generated from the zod schema (never hand-written). */
export function flowJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Flow, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12', reused: 'ref' });
  return {
    ...schema,
    $id: 'https://parley.dev/schemas/flow.v1.json',
    title: 'Parley flow',
    description: 'A WhatsApp bot flow drawn in Parley (schema version 1).',
  };
}

export function flowJsonSchemaText(): string {
  return `${JSON.stringify(flowJsonSchema(), null, 2)}\n`;
}
