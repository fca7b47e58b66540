import { type EngineInput, Session, startSession, step } from '@parley/flow-engine';
import { Flow, type FlowInput, portsOf } from '@parley/flow-schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

type NodeInput = FlowInput['nodes'][number];
const BUDGET = 25;
const ids = (n: number) => Array.from({ length: n }, (_, i) => `n${i}`);
const words = fc.constantFrom(
  'hi',
  'STOP',
  'agent',
  '42',
  '3,5',
  'b0',
  'r1',
  'yes',
  '2026-01-31',
  'a@b.co',
  '',
  'Menu',
);

/** A node of any kind, with small random content; `target` picks ids for jumps. */
const node = (id: string): fc.Arbitrary<NodeInput> =>
  fc.oneof(
    fc.record({
      id: fc.constant(id),
      kind: fc.constant('text' as const),
      text: fc.constantFrom('Hi {{name}}', 'Hello', '{{event.x}}'),
    }),
    fc.integer({ min: 1, max: 3 }).map(
      (n): NodeInput => ({
        id,
        kind: 'buttons',
        body: 'Pick',
        buttons: Array.from({ length: n }, (_, i) => ({ id: `b${i}`, title: `B${i}` })),
        timeoutMinutes: 5,
      }),
    ),
    fc.constant<NodeInput>({
      id,
      kind: 'list',
      body: 'List',
      buttonText: 'Open',
      sections: [
        {
          rows: [
            { id: 'r0', title: 'R0' },
            { id: 'r1', title: 'R1' },
          ],
        },
      ],
    }),
    fc.constantFrom('text', 'number', 'email', 'phone', 'date', 'choice', 'regex').map(
      (answerType): NodeInput => ({
        id,
        kind: 'question',
        prompt: 'Q?',
        answerType,
        choices: ['yes', 'no'],
        pattern: '^[a-z]+$',
        saveAs: 'name',
        retries: 1,
      }),
    ),
    fc.constantFrom('equals', 'greater_than', 'is_set', 'matches', 'contains').map(
      (operator): NodeInput => ({
        id,
        kind: 'condition',
        rules: [{ id: 'r', variable: 'name', operator, value: '4' }],
      }),
    ),
    fc.constant<NodeInput>({ id, kind: 'set_variables', assignments: [{ variable: 'name', value: '{{name}}x' }] }),
    fc.constant<NodeInput>({ id, kind: 'delay', amount: 1, unit: 'hours' }),
    fc.constant<NodeInput>({ id, kind: 'http_request', method: 'GET', url: 'https://x.test/{{name}}', saveAs: 'name' }),
    fc.constant<NodeInput>({ id, kind: 'ai_answer', instructions: 'FAQ', topics: ['t'] }),
    fc.constant<NodeInput>({ id, kind: 'handoff', message: 'Person' }),
    fc.constant<NodeInput>({ id, kind: 'opt_in', category: 'marketing', wording: 'Offers' }),
    fc.constant<NodeInput>({ id, kind: 'opt_out', category: 'all', confirmation: 'Bye' }),
    fc.constant<NodeInput>({ id, kind: 'end', message: 'End' }),
    fc.constant<NodeInput>({ id, kind: 'jump', flowId: 'other' }),
    fc.constant<NodeInput>({ id, kind: 'location_request', body: 'Where?', saveAs: 'place' }),
    fc.boolean().map(
      (quick): NodeInput => ({
        id,
        kind: 'template',
        template: {
          name: 'tpl',
          language: 'en',
          category: 'utility',
          quickReplies: quick ? [{ index: 0, payload: 'b0', title: 'Yes' }] : [],
        },
      }),
    ),
    fc.boolean().map(
      (fallback): NodeInput => ({
        id,
        kind: 'text',
        text: 'Late',
        ...(fallback ? { fallbackTemplate: { name: 'late', language: 'en', category: 'utility' } } : {}),
      }),
    ),
  );

const flowArb: fc.Arbitrary<Flow> = fc
  .integer({ min: 1, max: 7 })
  .chain((count) => fc.tuple(...ids(count).map(node)))
  .chain((nodes) => {
    const parsed = Flow.parse({ schemaVersion: 1, id: 'p', name: 'p', nodes, edges: [] });
    const ports = parsed.nodes.flatMap((n) => portsOf(n).map((p) => ({ node: n.id, port: p.id })));
    return fc
      .tuple(
        fc.array(fc.boolean(), { minLength: ports.length, maxLength: ports.length }),
        fc.array(fc.nat(), { minLength: ports.length, maxLength: ports.length }),
      )
      .map(([connect, targets]) =>
        Flow.parse({
          schemaVersion: 1,
          id: 'p',
          name: 'p',
          botLabel: { name: 'Bot', disclosure: 'I am a bot.' },
          triggers: [
            { id: 'any', kind: 'inbound_any', start: 'n0' },
            { id: 'ev', kind: 'event', event: 'ping', start: `n${nodes.length - 1}` },
          ],
          nodes,
          edges: ports.flatMap((p, i) =>
            connect[i] ? [{ id: `e${i}`, from: p, to: { node: `n${(targets[i] ?? 0) % nodes.length}` } }] : [],
          ),
        }),
      );
  });

const inputArb: fc.Arbitrary<EngineInput> = fc.oneof(
  words.map((text): EngineInput => ({ type: 'message', message: { kind: 'text', id: 'w', text } })),
  fc.constantFrom('b0', 'b1', 'r0', 'zz').map(
    (replyId): EngineInput => ({
      type: 'message',
      message: { kind: 'button_reply', id: 'w', replyId, title: replyId },
    }),
  ),
  fc.constantFrom('r0', 'r1').map(
    (replyId): EngineInput => ({
      type: 'message',
      message: { kind: 'list_reply', id: 'w', replyId, title: replyId },
    }),
  ),
  fc.constant<EngineInput>({
    type: 'message',
    message: { kind: 'template_button', id: 'w', payload: 'b0', text: 'Yes' },
  }),
  fc.constant<EngineInput>({ type: 'message', message: { kind: 'location', id: 'w', latitude: 1, longitude: 2 } }),
  fc.constant<EngineInput>({ type: 'message', message: { kind: 'other', id: 'w', type: 'reaction' } }),
  fc.integer({ min: 1, max: 40 }).map((n): EngineInput => ({ type: 'timer', timerId: `timer-${n}` })),
  fc.tuple(fc.integer({ min: 1, max: 40 }), fc.boolean()).map(
    ([n, ok]): EngineInput => ({
      type: 'http_result',
      requestId: `request-${n}`,
      ok,
      status: ok ? 200 : 500,
      body: { name: 'x', list: [1, 2] },
    }),
  ),
  fc.tuple(fc.integer({ min: 1, max: 40 }), fc.boolean(), fc.boolean()).map(
    ([n, ok, inScope]): EngineInput => ({
      type: 'ai_result',
      requestId: `request-${n}`,
      ok,
      inScope,
      answer: 'An answer',
    }),
  ),
  fc.constant<EngineInput>({ type: 'handoff_released' }),
  fc
    .constantFrom('n0', 'n1', 'gone')
    .map((nodeId): EngineInput => ({ type: 'send_failed', nodeId, reason: 'window_closed' })),
  fc.constant<EngineInput>({ type: 'event', name: 'ping', data: { x: 1 } }),
);

const runArb = fc.tuple(
  flowArb,
  fc.boolean(),
  fc.array(fc.tuple(inputArb, fc.integer({ min: 0, max: 2 * 86_400_000 })), { maxLength: 12 }),
);

/** Plays a whole conversation; returns every step's result so two runs can be compared. */
function play(flow: Flow, byEvent: boolean, inputs: [EngineInput, number][], persist = false) {
  let counter = 0;
  let now = Date.UTC(2026, 0, 1);
  const ctx = () => ({ now, newId: (p: string) => `${p}-${++counter}`, maxTransitions: BUDGET });
  const first: EngineInput = byEvent
    ? { type: 'event', name: 'ping', data: { x: 1 } }
    : { type: 'message', message: { kind: 'text', id: 'w', text: 'hi' } };
  const results = [
    startSession({
      flow,
      flowVersion: 1,
      contact: { id: 'c' },
      trigger: { start: byEvent ? (flow.triggers[1]?.start ?? 'n0') : 'n0' },
      input: first,
      ctx: ctx(),
    }),
  ];
  for (const [input, wait] of inputs) {
    now += wait;
    const previous = results[results.length - 1];
    if (!previous) break;
    const before = structuredClone(previous.session);
    // The runtime stores sessions as JSON and parses them back before the next step.
    const session = persist ? Session.parse(JSON.parse(JSON.stringify(previous.session))) : previous.session;
    results.push(step(flow, session, input, ctx()));
    expect(previous.session).toEqual(before);
  }
  return results;
}

describe('the engine on random flows and inputs', () => {
  it('never throws, stays in budget, keeps sessions valid, survives storage and is deterministic', () => {
    fc.assert(
      fc.property(runArb, ([flow, byEvent, inputs]) => {
        const results = play(flow, byEvent, inputs);
        for (const { session, effects } of results) {
          expect(Session.safeParse(session).success).toBe(true);
          expect(effects.filter((e) => e.type === 'visit').length).toBeLessThanOrEqual(BUDGET);
          expect(effects.length).toBeLessThanOrEqual(BUDGET * 8 + 10);
          expect(effects.filter((e) => e.type === 'end').length).toBeLessThanOrEqual(1);
          for (const e of effects) if (e.type === 'send') expect(JSON.stringify(e.payload)).not.toContain('undefined');
        }
        expect(play(flow, byEvent, inputs)).toEqual(results);
        expect(play(flow, byEvent, inputs, true)).toEqual(results);
      }),
      { numRuns: 400 },
    );
  });
});
