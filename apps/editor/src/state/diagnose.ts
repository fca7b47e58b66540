import type { Diagnostic, Flow } from '@parley/flow-schema';
import { analyzeWindow, sendsSessionMessage, validateFlow } from '@parley/flow-schema';

/** What the canvas tag says about a node: whether a free-form message can go, or a template is needed. */
export type WindowTag = 'open' | 'needs_template' | 'fallback' | 'template' | 'none';
export type Diagnosis = {
  diagnostics: Diagnostic[];
  byNode: Map<string, Diagnostic[]>;
  window: Map<string, WindowTag>;
};

/**
 * Everything the editor shows about the flow's health, derived from the
 * document alone: `validateFlow`'s diagnostics grouped by node, and the
 * 24-hour window state of each node that sends something.
 */
export function diagnose(flow: Flow): Diagnosis {
  const diagnostics = validateFlow(flow);
  const byNode = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    if (d.nodeId === undefined) continue;
    const list = byNode.get(d.nodeId);
    if (list) list.push(d);
    else byNode.set(d.nodeId, [d]);
  }
  const analysis = analyzeWindow(flow);
  const window = new Map<string, WindowTag>();
  for (const node of flow.nodes) {
    const state = analysis[node.id]?.state;
    if (node.kind === 'template') window.set(node.id, 'template');
    else if (state === undefined || !sendsSessionMessage(node)) window.set(node.id, 'none');
    else if (state === 'open') window.set(node.id, 'open');
    else window.set(node.id, 'fallbackTemplate' in node && node.fallbackTemplate ? 'fallback' : 'needs_template');
  }
  return { diagnostics, byNode, window };
}
