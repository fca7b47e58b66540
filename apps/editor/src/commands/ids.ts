import type { Flow, NodeKind } from '@parley/flow-schema';
import { NodeId } from '@parley/flow-schema';

// Ids are readable (`buttons_2`, `e7`) because they end up in exported files,
// diagnostics and analytics; they only need to be unique within the flow.

/** The first free `<kind>_<n>` id in the flow. */
export function nextNodeId(flow: Pick<Flow, 'nodes'>, kind: NodeKind, taken: ReadonlySet<string> = new Set()): NodeId {
  const used = new Set([...flow.nodes.map((n) => n.id), ...taken]);
  let n = 1;
  while (used.has(`${kind}_${n}`)) n += 1;
  return NodeId.parse(`${kind}_${n}`);
}

/** The first free `e<n>` edge id. */
export function nextEdgeId(flow: Pick<Flow, 'edges'>, taken: ReadonlySet<string> = new Set()): string {
  const used = new Set([...flow.edges.map((e) => e.id), ...taken]);
  let n = flow.edges.length + 1;
  while (used.has(`e${n}`)) n += 1;
  return `e${n}`;
}

/** The first free `<prefix><n>` among `existing`, for button, row and rule ids. */
export function nextLocalId(existing: readonly string[], prefix: string): string {
  const used = new Set(existing);
  let n = 1;
  while (used.has(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}
