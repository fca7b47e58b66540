import type { Flow } from '@parley/flow-schema';
import { loadFlow } from '@parley/flow-schema';

export type FileResult = { ok: true; flow: Flow } | { ok: false; message: string };

/** Reads an imported file's text into a flow, or says in plain words why it is not one. */
export function readFlowFile(name: string, text: string): FileResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: `“${name}” is not a flow file: it does not contain JSON.` };
  }
  const loaded = loadFlow(json);
  if (!loaded.ok) return { ok: false, message: `“${name}” cannot be opened. ${loaded.error.message}` };
  return { ok: true, flow: loaded.flow };
}

/** The exact document, as the export button downloads it. */
export function flowFileText(flow: Flow): string {
  return `${JSON.stringify(flow, null, 2)}\n`;
}
