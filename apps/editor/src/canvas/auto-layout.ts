import type { Flow } from '@parley/flow-schema';
import { portsOf } from '@parley/flow-schema';

const WIDTH = 280;

/**
 * Positions for every node from elkjs's layered layout, left to right. elkjs is
 * large, so it is loaded only when the user asks for a layout.
 */
export async function layoutFlow(flow: Flow): Promise<Record<string, { x: number; y: number }>> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const known = new Set(flow.nodes.map((n) => n.id));
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '80',
    },
    children: flow.nodes.map((n) => ({ id: n.id, width: WIDTH, height: 140 + portsOf(n).length * 24 })),
    edges: flow.edges
      .filter((e) => known.has(e.from.node) && known.has(e.to.node))
      .map((e) => ({ id: e.id, sources: [e.from.node], targets: [e.to.node] })),
  });
  const positions: Record<string, { x: number; y: number }> = {};
  for (const child of graph.children ?? []) positions[child.id] = { x: child.x ?? 0, y: child.y ?? 0 };
  return positions;
}
