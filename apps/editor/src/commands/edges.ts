import type { Flow, FlowNode } from '@parley/flow-schema';
import { EdgeSchema, portsOf } from '@parley/flow-schema';
import { nextEdgeId } from './ids.ts';

export type ConnectArgs = { from: string; port: string; to: string };

/**
 * Draws the edge leaving `port` of `from` towards `to`. A port leads to one
 * place, so an edge already leaving that port is replaced. Unknown nodes or
 * ports leave the flow unchanged.
 */
export function connect(flow: Flow, { from, port, to }: ConnectArgs): Flow {
  const source = flow.nodes.find((n) => n.id === from);
  if (!source || !flow.nodes.some((n) => n.id === to)) return flow;
  if (!portsOf(source).some((p) => p.id === port)) return flow;
  const kept = flow.edges.filter((e) => !(e.from.node === from && e.from.port === port));
  const edge = EdgeSchema.parse({
    id: nextEdgeId({ edges: kept }, new Set(flow.edges.map((e) => e.id))),
    from: { node: from, port },
    to: { node: to },
  });
  return { ...flow, edges: [...kept, edge] };
}

/** Removes the edge leaving `port` of `from`, if any. */
export function disconnect(flow: Flow, { from, port }: { from: string; port: string }): Flow {
  const edges = flow.edges.filter((e) => !(e.from.node === from && e.from.port === port));
  return edges.length === flow.edges.length ? flow : { ...flow, edges };
}

/** Removes edges by id (what the canvas reports when the user deletes a connection). */
export function removeEdges(flow: Flow, ids: readonly string[]): Flow {
  const drop = new Set(ids);
  return { ...flow, edges: flow.edges.filter((e) => !drop.has(e.id)) };
}

/** Drops edges whose port no longer exists on `node` (a button or row was removed). */
export function pruneEdgesOf(flow: Flow, node: FlowNode): Flow {
  const ports = new Set(portsOf(node).map((p) => p.id));
  const edges = flow.edges.filter((e) => e.from.node !== node.id || ports.has(e.from.port));
  return edges.length === flow.edges.length ? flow : { ...flow, edges };
}
