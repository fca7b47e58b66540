import type { Flow } from '@parley/flow-schema';
import type { Edge } from '@xyflow/react';
import type { Diagnosis } from '../state/diagnose.ts';
import type { NodeCardNode } from './NodeCard.tsx';
import type { Fill } from './previews.tsx';

/**
 * The canvas is a projection of the document: React Flow nodes and edges are
 * derived here on every change and never edited in place.
 */
export function toReactFlow(
  flow: Flow,
  selection: ReadonlySet<string>,
  diagnosis: Diagnosis,
  visited: ReadonlySet<string>,
  fill: Fill,
): { nodes: NodeCardNode[]; edges: Edge[] } {
  const nodes: NodeCardNode[] = flow.nodes.map((node) => ({
    id: node.id,
    type: 'parley',
    position: node.position,
    selected: selection.has(node.id),
    data: {
      node,
      diagnostics: diagnosis.byNode.get(node.id) ?? [],
      window: diagnosis.window.get(node.id) ?? 'none',
      visited: visited.has(node.id),
      fill,
    },
  }));
  const edges: Edge[] = flow.edges.map((edge) => ({
    id: edge.id,
    source: edge.from.node,
    sourceHandle: edge.from.port,
    target: edge.to.node,
    animated: visited.has(edge.from.node) && visited.has(edge.to.node),
    className: visited.has(edge.from.node) && visited.has(edge.to.node) ? 'edge-visited' : undefined,
  }));
  return { nodes, edges };
}
