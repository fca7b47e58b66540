import { describe, expect, it } from 'vitest';
import { updateNode } from '../commands/nodes.ts';
import { welcomeFlow } from '../commands/test-flows.ts';
import { diagnose } from '../state/diagnose.ts';
import { estimateHandles } from './estimate-handles.ts';
import type { NodeCardNode } from './NodeCard.tsx';
import { toReactFlow } from './to-react-flow.ts';

const fill = (text: string) => text;

describe('toReactFlow', () => {
  it('draws one card per node and one edge per connection, from port handle to node', () => {
    const flow = welcomeFlow();
    const { nodes, edges } = toReactFlow(
      flow,
      new Set(['greeting']),
      diagnose(flow),
      new Set(),
      fill,
      new Map(),
      new Map(),
    );
    expect(nodes.map((n) => n.id)).toEqual(flow.nodes.map((n) => n.id));
    expect(nodes.find((n) => n.id === 'greeting')?.selected).toBe(true);
    expect(edges[0]).toMatchObject({ source: 'greeting', sourceHandle: 'button:find_bike', target: 'ask_name' });
  });

  it('keeps the card object of an unchanged node and renews the edited one', () => {
    const flow = welcomeFlow();
    const first = toReactFlow(flow, new Set(), diagnose(flow), new Set(), fill, new Map(), new Map());
    const previous = new Map<string, NodeCardNode>(first.nodes.map((n) => [n.id, n]));
    const node = flow.nodes.find((n) => n.id === 'book_ride');
    if (node?.kind !== 'text') throw new Error('fixture changed');
    const edited = updateNode(flow, { node: { ...node, text: 'Closed on Sundays.' } });
    const second = toReactFlow(edited, new Set(), diagnose(edited), new Set(), fill, new Map(), previous);
    expect(second.nodes.find((n) => n.id === 'greeting')).toBe(previous.get('greeting'));
    expect(second.nodes.find((n) => n.id === 'book_ride')).not.toBe(previous.get('book_ride'));
  });

  it('gives unmeasured cards estimated handles and measured cards their size', () => {
    const flow = welcomeFlow();
    const measured = new Map([['greeting', { width: 260, height: 300 }]]);
    const { nodes } = toReactFlow(flow, new Set(), diagnose(flow), new Set(), fill, measured, new Map());
    expect(nodes[0]).toMatchObject({ measured: { width: 260, height: 300 } });
    expect(nodes[0]?.handles).toBeUndefined();
    const second = flow.nodes[1];
    if (!second) throw new Error('fixture changed');
    expect(nodes[1]?.handles?.map((h) => h.id)).toEqual(estimateHandles(second).map((h) => h.id));
  });

  it('lights up the path a preview took', () => {
    const flow = welcomeFlow();
    const { nodes, edges } = toReactFlow(
      flow,
      new Set(),
      diagnose(flow),
      new Set(['greeting', 'book_ride']),
      fill,
      new Map(),
      new Map(),
    );
    expect(nodes.filter((n) => n.data.visited).map((n) => n.id)).toEqual(['greeting', 'book_ride']);
    expect(edges.filter((e) => e.animated).map((e) => e.id)).toEqual(['e2']);
  });
});
