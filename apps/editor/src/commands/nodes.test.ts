import { Flow, NODE_KINDS, portsOf } from '@parley/flow-schema';
import { describe, expect, it } from 'vitest';
import { createNode } from './create-node.ts';
import { connect, disconnect, removeEdges } from './edges.ts';
import { nextNodeId } from './ids.ts';
import { addNode, addNodeAfter, deleteNodes, moveNodes, updateNode } from './nodes.ts';
import { emptyFlow, welcomeFlow } from './test-flows.ts';

describe('createNode', () => {
  it.each(NODE_KINDS)('makes a %s node the schema accepts', (kind) => {
    const node = createNode(kind, 'n1', { x: 5, y: 6 });
    expect(node.kind).toBe(kind);
    expect(node.position).toEqual({ x: 5, y: 6 });
    expect(Flow.safeParse({ ...emptyFlow(), nodes: [node] }).success).toBe(true);
  });
});

describe('adding nodes', () => {
  it('adds a node with a fresh id and leaves the input untouched', () => {
    const flow = emptyFlow();
    const id = nextNodeId(flow, 'text');
    const next = addNode(flow, { node: createNode('text', id, { x: 0, y: 0 }) });
    expect(next.nodes.map((n) => n.id)).toEqual(['text_1']);
    expect(flow.nodes).toEqual([]);
    expect(nextNodeId(next, 'text')).toBe('text_2');
  });

  it('refuses a second node with the same id', () => {
    const flow = addNode(emptyFlow(), { node: createNode('text', 'a', { x: 0, y: 0 }) });
    expect(addNode(flow, { node: createNode('end', 'a', { x: 0, y: 0 }) })).toBe(flow);
  });

  it('adds after the selected node through its first free main port, below it', () => {
    const flow = addNode(emptyFlow(), { node: createNode('buttons', 'menu', { x: 100, y: 50 }) });
    const withFirst = addNodeAfter(flow, { after: 'menu', node: createNode('text', 'reply', { x: 0, y: 0 }) });
    expect(withFirst.edges).toEqual([{ id: 'e1', from: { node: 'menu', port: 'button:b1' }, to: { node: 'reply' } }]);
    expect(withFirst.nodes[1]?.position).toEqual({ x: 100, y: 290 });
  });
});

describe('connections', () => {
  it('replaces the edge of a port that already leads somewhere', () => {
    const flow = welcomeFlow();
    const next = connect(flow, { from: 'greeting', port: 'button:find_bike', to: 'goodbye' });
    const fromPort = next.edges.filter((e) => e.from.node === 'greeting' && e.from.port === 'button:find_bike');
    expect(fromPort.map((e) => e.to.node)).toEqual(['goodbye']);
    expect(next.edges).toHaveLength(flow.edges.length);
  });

  it.each([
    ['an unknown port', { from: 'greeting', port: 'button:nope', to: 'goodbye' }],
    ['an unknown target', { from: 'greeting', port: 'no_match', to: 'ghost' }],
    ['an unknown source', { from: 'ghost', port: 'next', to: 'goodbye' }],
  ])('ignores a connection from %s', (_, args) => {
    const flow = welcomeFlow();
    expect(connect(flow, args)).toBe(flow);
  });

  it('disconnects a port and removes edges by id', () => {
    const flow = welcomeFlow();
    expect(disconnect(flow, { from: 'greeting', port: 'no_match' }).edges.some((e) => e.id === 'e4')).toBe(false);
    expect(removeEdges(flow, ['e1', 'e2']).edges.map((e) => e.id)).not.toContain('e1');
  });
});

describe('deleting and moving', () => {
  it('deletes nodes with their edges and the triggers that start at them', () => {
    const next = deleteNodes(welcomeFlow(), ['greeting', 'handoff']);
    expect(next.nodes.some((n) => n.id === 'greeting' || n.id === 'handoff')).toBe(false);
    expect(next.edges.some((e) => ['greeting', 'handoff'].includes(e.from.node) || e.to.node === 'handoff')).toBe(
      false,
    );
    expect(next.triggers).toEqual([]);
  });

  it('moves nodes to rounded positions and keeps others', () => {
    const flow = welcomeFlow();
    const next = moveNodes(flow, { greeting: { x: 10.4, y: 20.6 } });
    expect(next.nodes[0]?.position).toEqual({ x: 10, y: 21 });
    expect(next.nodes[1]).toBe(flow.nodes[1]);
    expect(moveNodes(flow, { greeting: { x: 0, y: 0 } })).toBe(flow);
  });
});

describe('updateNode', () => {
  it('drops the edge of a button that an edit removed', () => {
    const flow = welcomeFlow();
    const greeting = flow.nodes.find((n) => n.id === 'greeting');
    if (greeting?.kind !== 'buttons') throw new Error('fixture changed');
    const next = updateNode(flow, { node: { ...greeting, buttons: greeting.buttons.slice(0, 2) } });
    expect(next.edges.some((e) => e.from.port === 'button:talk_person')).toBe(false);
    expect(next.edges.some((e) => e.from.port === 'button:find_bike')).toBe(true);
    expect(portsOf(next.nodes[0] ?? greeting).map((p) => p.id)).not.toContain('button:talk_person');
  });

  it('refuses to change a node kind', () => {
    const flow = welcomeFlow();
    const end = createNode('end', 'greeting', { x: 0, y: 0 });
    expect(updateNode(flow, { node: end })).toBe(flow);
  });
});
