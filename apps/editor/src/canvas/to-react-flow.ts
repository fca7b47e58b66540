import type { Diagnostic, Flow } from '@parley/flow-schema';
import type { Edge } from '@xyflow/react';
import type { Diagnosis } from '../state/diagnose.ts';
import { CARD_WIDTH, estimateHandles, estimateHeight } from './estimate-handles.ts';
import type { NodeCardNode } from './NodeCard.tsx';
import type { Fill } from './previews.tsx';

export type Measured = ReadonlyMap<string, { width: number; height: number }>;

function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  return a.length === b.length && a.every((d, i) => d.code === b[i]?.code && d.message === b[i]?.message);
}

/**
 * The canvas is a projection of the document: React Flow nodes and edges are
 * derived here on every change and never edited in place. A card whose inputs
 * did not change keeps its previous object, so React Flow and React skip it;
 * a big flow stays responsive while one field is typed into.
 */
export function toReactFlow(
  flow: Flow,
  selection: ReadonlySet<string>,
  diagnosis: Diagnosis,
  visited: ReadonlySet<string>,
  fill: Fill,
  measured: Measured,
  previous: ReadonlyMap<string, NodeCardNode>,
): { nodes: NodeCardNode[]; edges: Edge[] } {
  const nodes = flow.nodes.map((node): NodeCardNode => {
    const diagnostics = diagnosis.byNode.get(node.id) ?? [];
    const window = diagnosis.window.get(node.id) ?? 'none';
    const selected = selection.has(node.id);
    const wasVisited = visited.has(node.id);
    const size = measured.get(node.id);
    const before = previous.get(node.id);
    if (
      before &&
      before.data.node === node &&
      before.selected === selected &&
      before.data.window === window &&
      before.data.visited === wasVisited &&
      before.data.fill === fill &&
      (before.measured !== undefined || size === undefined) &&
      sameDiagnostics(before.data.diagnostics, diagnostics)
    ) {
      return before;
    }
    return {
      id: node.id,
      type: 'parley',
      position: node.position,
      selected,
      initialWidth: CARD_WIDTH,
      initialHeight: estimateHeight(node),
      // Measured cards keep their size; the others say where their handles will be.
      ...(size ? { measured: size } : { handles: estimateHandles(node) }),
      data: { node, diagnostics, window, visited: wasVisited, fill },
    };
  });
  const edges: Edge[] = flow.edges.map((edge) => {
    const lit = visited.has(edge.from.node) && visited.has(edge.to.node);
    return {
      id: edge.id,
      source: edge.from.node,
      sourceHandle: edge.from.port,
      target: edge.to.node,
      animated: lit,
      ...(lit ? { className: 'edge-visited' } : {}),
    };
  });
  return { nodes, edges };
}
