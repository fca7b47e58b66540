import { describe, expect, it } from 'vitest';
import { Flow, type FlowInput } from '../flow.ts';
import { validateFlow } from './validate-flow.ts';
import { analyzeWindow } from './window.ts';

type NodeInput = FlowInput['nodes'][number];

/** A flow from `triggers` through `nodes` chained by `edges` ([from, port, to]). */
function flowOf(triggers: FlowInput['triggers'], nodes: NodeInput[], edges: [string, string, string][]): Flow {
  return Flow.parse({
    schemaVersion: 1,
    id: 'window',
    name: 'Window',
    triggers,
    nodes,
    edges: edges.map(([from, port, to], i) => ({ id: `e${i}`, from: { node: from, port }, to: { node: to } })),
    settings: { sessionTimeoutMinutes: 60 },
  });
}

const text = (id: string): NodeInput => ({ id, kind: 'text', text: 'Hello' });
const delay = (id: string, hours: number): NodeInput => ({ id, kind: 'delay', amount: hours, unit: 'hours' });
const ask = (id: string, timeoutMinutes?: number): NodeInput => ({
  id,
  kind: 'question',
  prompt: 'Your order number?',
  answerType: 'text',
  saveAs: 'last_message',
  ...(timeoutMinutes === undefined ? {} : { timeoutMinutes }),
});
const shippedTemplate: NodeInput = {
  id: 'shipped',
  kind: 'template',
  template: {
    name: 'order_shipped',
    language: 'en_US',
    category: 'utility',
    quickReplies: [{ index: 0, payload: 'where', title: 'Where is my order?' }],
  },
};
const inbound = (start: string): FlowInput['triggers'] => [{ id: 't', kind: 'inbound_any', start }];
const event = (start: string): FlowInput['triggers'] => [{ id: 't', kind: 'event', event: 'order_shipped', start }];
const windowCodes = (flow: Flow) =>
  validateFlow(flow)
    .filter((d) => d.code.startsWith('window.'))
    .map((d) => [d.code, d.nodeId]);

describe('analyzeWindow', () => {
  it('adds delays along a path from an inbound message', () => {
    const flow = flowOf(
      inbound('a'),
      [text('a'), delay('d1', 20), text('b'), delay('d2', 5), text('c')],
      [
        ['a', 'next', 'd1'],
        ['d1', 'next', 'b'],
        ['b', 'next', 'd2'],
        ['d2', 'next', 'c'],
      ],
    );
    const window = analyzeWindow(flow);
    expect(window.b).toEqual({ state: 'open', hoursSinceInbound: 20 });
    expect(window.c).toEqual({ state: 'maybe_closed', hoursSinceInbound: 25 });
    expect(windowCodes(flow)).toEqual([['window.session_send_when_closed', 'c']]);
  });

  it('starts closed for business events and reopens when the customer taps a template quick reply', () => {
    const flow = flowOf(
      event('shipped'),
      [shippedTemplate, text('answer'), text('reminder')],
      [
        ['shipped', 'reply:where', 'answer'],
        ['shipped', 'timeout', 'reminder'],
      ],
    );
    const window = analyzeWindow(flow);
    expect(window.shipped).toEqual({ state: 'closed' });
    expect(window.answer).toEqual({ state: 'open', hoursSinceInbound: 0 });
    expect(window.reminder).toEqual({ state: 'closed' });
    expect(windowCodes(flow)).toEqual([['window.session_send_when_closed', 'reminder']]);
  });

  it('takes the longest of two paths into a node', () => {
    const flow = flowOf(
      inbound('q'),
      [ask('q', 120), delay('long', 23), text('joined')],
      [
        ['q', 'answered', 'long'],
        ['long', 'next', 'joined'],
        ['q', 'timeout', 'joined'],
      ],
    );
    // The timeout path is 2 hours, the answered path 23: the worst case wins.
    expect(analyzeWindow(flow).joined).toEqual({ state: 'open', hoursSinceInbound: 23 });
  });

  it('counts a wait without its own timeout as the session timeout', () => {
    const flow = flowOf(
      inbound('q'),
      [ask('q'), delay('d', 23.5), text('late')],
      [
        ['q', 'timeout', 'd'],
        ['d', 'next', 'late'],
      ],
    );
    expect(analyzeWindow(flow).late).toEqual({ state: 'maybe_closed', hoursSinceInbound: 24.5 });
  });

  it('marks a reminder loop that adds time without a reply as unbounded, and terminates', () => {
    const flow = flowOf(
      inbound('q'),
      [ask('q', 60), delay('pause', 1)],
      [
        ['q', 'timeout', 'pause'],
        ['pause', 'next', 'q'],
      ],
    );
    expect(analyzeWindow(flow).q).toEqual({ state: 'maybe_closed' });
    expect(validateFlow(flow).find((d) => d.code === 'window.session_send_when_closed')?.message).toContain(
      'a loop with a delay or a timeout can repeat without a reply',
    );
  });

  it('keeps a loop through a reply open', () => {
    const flow = flowOf(
      inbound('q'),
      [ask('q', 60), text('thanks')],
      [
        ['q', 'answered', 'thanks'],
        ['thanks', 'next', 'q'],
      ],
    );
    expect(analyzeWindow(flow)).toEqual({
      q: { state: 'open', hoursSinceInbound: 0 },
      thanks: { state: 'open', hoursSinceInbound: 0 },
    });
  });

  it('leaves out nodes no trigger reaches', () => {
    const flow = flowOf(inbound('a'), [text('a'), text('orphan')], []);
    expect(Object.keys(analyzeWindow(flow))).toEqual(['a']);
  });
});

describe('endless loops', () => {
  it('accepts a loop that waits for the customer', () => {
    const flow = flowOf(
      inbound('q'),
      [ask('q', 60), text('again')],
      [
        ['q', 'invalid', 'again'],
        ['again', 'next', 'q'],
      ],
    );
    expect(validateFlow(flow).map((d) => d.code)).not.toContain('structure.endless_loop');
  });

  it('finds a node that leads back to itself', () => {
    const flow = flowOf(inbound('a'), [text('a')], [['a', 'next', 'a']]);
    expect(validateFlow(flow).map((d) => d.code)).toContain('structure.endless_loop');
  });
});
