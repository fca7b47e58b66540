// Regenerates flow.schema.json from the zod schema: `pnpm schema:generate`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { flowJsonSchemaText } from '../src/json-schema.ts';

const target = fileURLToPath(new URL('../flow.schema.json', import.meta.url));
writeFileSync(target, flowJsonSchemaText());
console.log(`wrote ${target}`);
