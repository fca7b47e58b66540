import { readFile } from 'node:fs/promises';
import { type Flow, loadFlow } from '@parley/flow-schema';

/** Reads and migrates a flow file; the error names the file and the first problems in it. */
export async function loadFlowFile(path: string): Promise<{ ok: true; flow: Flow } | { ok: false; error: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return { ok: false, error: `Cannot read the flow file ${path}: ${error instanceof Error ? error.message : error}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `${path} is not valid JSON: ${error instanceof Error ? error.message : error}` };
  }
  const loaded = loadFlow(json);
  if (!loaded.ok) {
    const details = loaded.error.issues.slice(0, 5).map((i) => `\n  ${i.path}: ${i.message}`);
    return { ok: false, error: `${path}: ${loaded.error.message}${details.join('')}` };
  }
  return { ok: true, flow: loaded.flow };
}
