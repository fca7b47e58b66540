import type { Edge } from './edge.ts';
import type { Flow } from './flow.ts';
import type { FlowNode } from './nodes/index.ts';

/** Lookups derived from a flow's node and edge lists; edges stay stored once. */
export type FlowGraph = {
  node(id: string): FlowNode | undefined;
  /** The edge leaving `port` of `nodeId`, if one is drawn. */
  edgeFrom(nodeId: string, port: string): Edge | undefined;
  outgoing(nodeId: string): Edge[];
  incoming(nodeId: string): Edge[];
};

export function buildGraph(flow: Pick<Flow, 'nodes' | 'edges'>): FlowGraph {
  const nodes = new Map<string, FlowNode>();
  for (const node of flow.nodes) if (!nodes.has(node.id)) nodes.set(node.id, node);
  const byPort = new Map<string, Edge>();
  const outgoing = new Map<string, Edge[]>();
  const incoming = new Map<string, Edge[]>();
  for (const edge of flow.edges) {
    const key = `${edge.from.node}\u0000${edge.from.port}`;
    if (!byPort.has(key)) byPort.set(key, edge);
    pushTo(outgoing, edge.from.node, edge);
    pushTo(incoming, edge.to.node, edge);
  }
  return {
    node: (id) => nodes.get(id),
    edgeFrom: (nodeId, port) => byPort.get(`${nodeId}\u0000${port}`),
    outgoing: (nodeId) => outgoing.get(nodeId) ?? [],
    incoming: (nodeId) => incoming.get(nodeId) ?? [],
  };
}

function pushTo(map: Map<string, Edge[]>, key: string, edge: Edge): void {
  const list = map.get(key);
  if (list) list.push(edge);
  else map.set(key, [edge]);
}
