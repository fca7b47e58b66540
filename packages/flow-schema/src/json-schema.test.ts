import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flowJsonSchemaText } from './json-schema.ts';

describe('flow.schema.json', () => {
  it('is the schema generated from the zod source (run `pnpm schema:generate` when this fails)', () => {
    const committed = readFileSync(new URL('../flow.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(flowJsonSchemaText());
  });

  it('describes every node kind', () => {
    const text = flowJsonSchemaText();
    for (const kind of ['text', 'buttons', 'list', 'template', 'question', 'ai_answer', 'opt_out', 'jump', 'end']) {
      expect(text).toContain(`"const": "${kind}"`);
    }
  });
});
