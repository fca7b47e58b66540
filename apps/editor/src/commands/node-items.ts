import type { Flow, FlowNode, NodeKind, NodeOfKind } from '@parley/flow-schema';
import { nextLocalId } from './ids.ts';
import { updateNode } from './nodes.ts';

// Buttons, list rows and condition rules each own a port, so adding or removing
// one goes through `updateNode`, which drops the edge of a removed port.

function editNode<K extends NodeKind>(
  flow: Flow,
  nodeId: string,
  kind: K,
  edit: (node: NodeOfKind<K>) => FlowNode,
): Flow {
  const node = flow.nodes.find((n): n is NodeOfKind<K> => n.id === nodeId && n.kind === kind);
  return node ? updateNode(flow, { node: edit(node) }) : flow;
}

/** Adds a reply button (WhatsApp shows at most 3; validation says so rather than the editor refusing). */
export function addButton(flow: Flow, { nodeId, title }: { nodeId: string; title?: string }): Flow {
  return editNode(flow, nodeId, 'buttons', (node) => {
    const id = nextLocalId(
      node.buttons.map((b) => b.id),
      'b',
    );
    return { ...node, buttons: [...node.buttons, { id, title: title ?? `Option ${node.buttons.length + 1}` }] };
  });
}

export function removeButton(flow: Flow, { nodeId, buttonId }: { nodeId: string; buttonId: string }): Flow {
  return editNode(flow, nodeId, 'buttons', (node) => ({
    ...node,
    buttons: node.buttons.filter((b) => b.id !== buttonId),
  }));
}

function allRowIds(node: NodeOfKind<'list'>): string[] {
  return node.sections.flatMap((s) => s.rows.map((r) => r.id));
}

export function addRow(flow: Flow, { nodeId, section }: { nodeId: string; section: number }): Flow {
  return editNode(flow, nodeId, 'list', (node) => {
    const target = node.sections[section];
    if (!target) return node;
    const id = nextLocalId(allRowIds(node), 'r');
    const rows = [...target.rows, { id, title: `Option ${allRowIds(node).length + 1}` }];
    return { ...node, sections: node.sections.with(section, { ...target, rows }) };
  });
}

export function removeRow(flow: Flow, { nodeId, rowId }: { nodeId: string; rowId: string }): Flow {
  return editNode(flow, nodeId, 'list', (node) => ({
    ...node,
    sections: node.sections.map((s) => ({ ...s, rows: s.rows.filter((r) => r.id !== rowId) })),
  }));
}

export function addSection(flow: Flow, { nodeId }: { nodeId: string }): Flow {
  return editNode(flow, nodeId, 'list', (node) => {
    const id = nextLocalId(allRowIds(node), 'r');
    return { ...node, sections: [...node.sections, { title: 'More options', rows: [{ id, title: 'Option' }] }] };
  });
}

export function removeSection(flow: Flow, { nodeId, section }: { nodeId: string; section: number }): Flow {
  return editNode(flow, nodeId, 'list', (node) =>
    node.sections.length <= 1 ? node : { ...node, sections: node.sections.filter((_, i) => i !== section) },
  );
}

export function addRule(flow: Flow, { nodeId }: { nodeId: string }): Flow {
  return editNode(flow, nodeId, 'condition', (node) => {
    const id = nextLocalId(
      node.rules.map((r) => r.id),
      'rule',
    );
    return {
      ...node,
      rules: [...node.rules, { id, variable: node.rules[0]?.variable ?? 'answer', operator: 'equals', value: '' }],
    };
  });
}

export function removeRule(flow: Flow, { nodeId, ruleId }: { nodeId: string; ruleId: string }): Flow {
  return editNode(flow, nodeId, 'condition', (node) =>
    node.rules.length <= 1 ? node : { ...node, rules: node.rules.filter((r) => r.id !== ruleId) },
  );
}
