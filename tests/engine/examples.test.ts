import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFlowTestFile, runFlowTest } from '@parley/flow-engine';
import { loadFlow } from '@parley/flow-schema';
import { describe, expect, it } from 'vitest';

// Every example flow ships with conversation tests; they must keep passing as
// the engine changes. (The CLI runs the same files; this keeps them in vitest.)
const examples = fileURLToPath(new URL('../../examples/', import.meta.url));
const testFiles = readdirSync(examples).filter((f) => f.endsWith('.test.json'));

describe.each(testFiles)('%s', (file) => {
  const parsed = parseFlowTestFile(JSON.parse(readFileSync(join(examples, file), 'utf8')));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const loaded = loadFlow(JSON.parse(readFileSync(join(dirname(join(examples, file)), parsed.file.flow), 'utf8')));
  if (!loaded.ok) throw new Error(loaded.error.message);
  const flow = loaded.flow;

  it.each(parsed.file.tests.map((test) => [test.name, test] as const))('%s', (_name, test) => {
    const result = runFlowTest(flow, test);
    expect(result.failure?.message).toBeUndefined();
    expect(result.passed).toBe(true);
  });
});

it('every example flow has a conversation test file', () => {
  const flows = readdirSync(examples).filter((f) => /^[a-z0-9-]+\.json$/.test(f));
  expect(flows.length).toBeGreaterThanOrEqual(3);
  for (const flow of flows) expect(testFiles).toContain(flow.replace(/\.json$/, '.test.json'));
});
