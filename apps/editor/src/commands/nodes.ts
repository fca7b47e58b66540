import type { Flow, FlowNode } from '@parley/flow-schema';
import { portsOf } from '@parley/flow-schema';
import { connect, pruneEdgesOf } from './edges.ts';

type Position = { x: number; y: number };

/** Adds a node (made by `createNode`). A node id already in the flow leaves it unchanged. */
export function addNode(flow: Flow, { node }: { node: FlowNode }): Flow {
  if (flow.nodes.some((n) => n.id === node.id)) return flow;
  return { ...flow, nodes: [...flow.nodes, node] };
}

/**
 * Adds `node` below `after` and connects the first main port of `after` that
 * leads nowhere yet (or its first port) to it: "add the next step".
 */
export function addNodeAfter(flow: Flow, { after, node }: { after: string; node: FlowNode }): Flow {
  const previous = flow.nodes.find((n) => n.id === after);
  if (!previous) return addNode(flow, { node });
  const placed = { ...node, position: { x: previous.position.x, y: previous.position.y + 240 } };
  const withNode = addNode(flow, { node: placed });
  const ports = portsOf(previous);
  const free = ports.find(
    (p) => p.role === 'main' && !flow.edges.some((e) => e.from.node === after && e.from.port === p.id),
  );
  const port = free ?? ports[0];
  return port ? connect(withNode, { from: after, port: port.id, to: placed.id }) : withNode;
}

/** Removes nodes, the edges touching them, and triggers that started at them. */
export function deleteNodes(flow: Flow, ids: readonly string[]): Flow {
  const drop = new Set(ids);
  if (!flow.nodes.some((n) => drop.has(n.id))) return flow;
  return {
    ...flow,
    nodes: flow.nodes.filter((n) => !drop.has(n.id)),
    edges: flow.edges.filter((e) => !drop.has(e.from.node) && !drop.has(e.to.node)),
    triggers: flow.triggers.filter((t) => !drop.has(t.start)),
  };
}

/** Moves nodes to new positions (a drag, or the result of auto-layout). */
export function moveNodes(flow: Flow, positions: Readonly<Record<string, Position>>): Flow {
  let changed = false;
  const nodes = flow.nodes.map((n) => {
    const to = positions[n.id];
    if (!to || (to.x === n.position.x && to.y === n.position.y)) return n;
    changed = true;
    return { ...n, position: { x: Math.round(to.x), y: Math.round(to.y) } };
  });
  return changed ? { ...flow, nodes } : flow;
}

/**
 * Replaces a node's content (an edit in the inspector). The id and kind stay;
 * edges from ports that disappeared with the edit (a removed button) go too.
 */
export function updateNode(flow: Flow, { node }: { node: FlowNode }): Flow {
  const index = flow.nodes.findIndex((n) => n.id === node.id);
  const current = flow.nodes[index];
  if (!current || current.kind !== node.kind) return flow;
  const nodes = flow.nodes.with(index, node);
  return pruneEdgesOf({ ...flow, nodes }, node);
}
