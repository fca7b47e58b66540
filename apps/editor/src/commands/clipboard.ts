import type { Edge, Flow, FlowNode } from '@parley/flow-schema';
import { EdgeSchema, NodeId } from '@parley/flow-schema';
import { nextEdgeId, nextNodeId } from './ids.ts';

/** What copy puts aside: the chosen nodes and the edges between them. */
export type Clipboard = { nodes: FlowNode[]; edges: Edge[] };

export function copyNodes(flow: Flow, ids: readonly string[]): Clipboard {
  const chosen = new Set(ids);
  return {
    nodes: flow.nodes.filter((n) => chosen.has(n.id)),
    edges: flow.edges.filter((e) => chosen.has(e.from.node) && chosen.has(e.to.node)),
  };
}

/**
 * Adds copies of the clipboard's nodes with fresh ids, shifted by `offset`,
 * and the edges between them. Returns the new flow and the new ids (to select them).
 */
export function pasteNodes(
  flow: Flow,
  { clipboard, offset }: { clipboard: Clipboard; offset: { x: number; y: number } },
): { flow: Flow; pasted: string[] } {
  const renamed = new Map<string, NodeId>();
  const taken = new Set<string>();
  for (const node of clipboard.nodes) {
    const id = nextNodeId(flow, node.kind, taken);
    taken.add(id);
    renamed.set(node.id, id);
  }
  const nodes = clipboard.nodes.map((node) => ({
    ...node,
    id: renamed.get(node.id) ?? NodeId.parse(node.id),
    position: { x: node.position.x + offset.x, y: node.position.y + offset.y },
  }));
  const edgeIds = new Set<string>();
  const edges = clipboard.edges.flatMap((edge) => {
    const from = renamed.get(edge.from.node);
    const to = renamed.get(edge.to.node);
    if (!from || !to) return [];
    const id = nextEdgeId(flow, edgeIds);
    edgeIds.add(id);
    return [EdgeSchema.parse({ id, from: { node: from, port: edge.from.port }, to: { node: to } })];
  });
  return { flow: { ...flow, nodes: [...flow.nodes, ...nodes], edges: [...flow.edges, ...edges] }, pasted: [...taken] };
}
