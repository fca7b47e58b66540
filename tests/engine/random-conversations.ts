import { type EngineInput, SendFailureReason, Session, startSession, step } from '@parley/flow-engine';
import { Flow, type FlowInput, portsOf } from '@parley/flow-schema';
import fc from 'fast-check';
import { expect } from 'vitest';

// Random flows of every node kind, random inputs and a player for them, shared
// by the tests that check properties of whole conversations.

type NodeInput = FlowInput['nodes'][number];
export const BUDGET = 25;
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
  // What customers type and Meta refuses in a template parameter, once a flow passes it on.
  'Ana\nMaria',
  'Jo\tão',
  'wide      gap',
);

// Template parameters as a careful author writes them: customer text passed on, with fallbacks.
const personalParameters = {
  headerParameters: [{ value: '{{name}}', fallback: 'you' }],
  bodyParameters: [
    { value: '{{name}}', fallback: 'there' },
    { value: 'You wrote: {{last_message}}', fallback: '-' },
  ],
};

/** A node of any kind, with small random content; `target` picks ids for jumps. */
const node = (id: string): fc.Arbitrary<NodeInput> =>
  fc.oneof(
    fc.record({
      id: fc.constant(id),
      kind: fc.constant('text' as const),
      text: fc.constantFrom('Hi {{name}}', 'Hello', '{{event.x}}'),
    }),
    fc.tuple(fc.integer({ min: 1, max: 3 }), fc.boolean()).map(
      ([n, personal]): NodeInput => ({
        id,
        kind: 'buttons',
        body: personal ? 'Pick, {{name}}' : 'Pick',
        ...(personal ? { header: { type: 'text', text: '{{name}}' }, footer: '{{name}}' } : {}),
        buttons: Array.from({ length: n }, (_, i) => ({ id: `b${i}`, title: `B${i}` })),
        timeoutMinutes: 5,
      }),
    ),
    fc.boolean().map(
      (personal): NodeInput => ({
        id,
        kind: 'list',
        body: 'List',
        buttonText: 'Open',
        ...(personal ? { header: '{{name}}', footer: '{{name}}' } : {}),
        sections: [
          {
            ...(personal ? { title: '{{name}}' } : {}),
            rows: [
              { id: 'r0', title: 'R0', ...(personal ? { description: '{{name}}' } : {}) },
              { id: 'r1', title: 'R1' },
            ],
          },
        ],
      }),
    ),
    fc.constant<NodeInput>({
      id,
      kind: 'cta_url',
      body: 'Your order, {{name}}',
      header: { type: 'text', text: '{{name}}' },
      displayText: 'Track',
      url: 'https://shop.example/track/{{name}}',
    }),
    fc.constantFrom('image', 'document', 'audio').map(
      (mediaType): NodeInput => ({
        id,
        kind: 'media',
        mediaType,
        media: { link: 'https://cdn.example/file' },
        caption: 'For {{name}}',
      }),
    ),
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
    fc.constantFrom('positional', 'named').map(
      (format): NodeInput => ({
        id,
        kind: 'template',
        template: {
          name: 'personal',
          language: 'en',
          category: 'marketing',
          parameterFormat: format,
          headerParameters: personalParameters.headerParameters.map((p) => ({
            ...p,
            ...(format === 'named' ? { name: 'who' } : {}),
          })),
          bodyParameters: personalParameters.bodyParameters.map((p, i) => ({
            ...p,
            ...(format === 'named' ? { name: `p${i}` } : {}),
          })),
        },
      }),
    ),
    fc.boolean().map(
      (fallback): NodeInput => ({
        id,
        kind: 'text',
        text: 'Late',
        ...(fallback
          ? { fallbackTemplate: { name: 'late', language: 'en', category: 'utility', ...personalParameters } }
          : {}),
      }),
    ),
  );

export const flowArb: fc.Arbitrary<Flow> = fc
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

export const inputArb: fc.Arbitrary<EngineInput> = fc.oneof(
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
    .tuple(
      fc.constantFrom('n0', 'n1', 'gone'),
      fc.constantFrom(...SendFailureReason.options),
      fc.option(fc.constantFrom(131049, 132015)),
    )
    .map(
      ([nodeId, reason, code]): EngineInput => ({
        type: 'send_failed',
        nodeId,
        reason,
        ...(code === null ? {} : { code }),
      }),
    ),
  fc.constant<EngineInput>({ type: 'event', name: 'ping', data: { x: 1 } }),
);

/** How a conversation starts: the business event, or a customer's first message (which fills `last_message`). */
const openingArb: fc.Arbitrary<EngineInput> = fc.oneof(
  fc.constant<EngineInput>({ type: 'event', name: 'ping', data: { x: 1 } }),
  words.map((text): EngineInput => ({ type: 'message', message: { kind: 'text', id: 'w', text } })),
);

export const runArb = fc.tuple(
  flowArb,
  openingArb,
  fc.array(fc.tuple(inputArb, fc.integer({ min: 0, max: 2 * 86_400_000 })), { maxLength: 12 }),
);

/** Plays a whole conversation; returns every step's result so two runs can be compared. */
export function play(flow: Flow, first: EngineInput, inputs: [EngineInput, number][], persist = false) {
  let counter = 0;
  let now = Date.UTC(2026, 0, 1);
  const ctx = () => ({ now, newId: (p: string) => `${p}-${++counter}`, maxTransitions: BUDGET });
  const byEvent = first.type === 'event';
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
