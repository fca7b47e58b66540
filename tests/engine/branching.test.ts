import { startSession } from '@parley/flow-engine';
import type { ConditionOperator, Flow } from '@parley/flow-schema';
import { describe, expect, it } from 'vitest';
import { at, buildFlow, Conversation, ending, said, say, sends, T0, tapButton } from './harness.ts';

const menu = {
  id: 'menu',
  kind: 'buttons' as const,
  body: 'What can I do for you?',
  buttons: [
    { id: 'track', title: 'Track my order' },
    { id: 'return', title: 'Return an item' },
  ],
};
const tracked = { id: 'tracked', kind: 'text' as const, text: 'Tracking it now.' };
const returned = { id: 'returned', kind: 'text' as const, text: 'Returns are free.' };
const person = { id: 'person', kind: 'handoff' as const, message: 'A colleague will help.' };

describe('buttons and lists route by reply id', () => {
  const flow = buildFlow(
    [menu, tracked, returned],
    [
      ['menu', 'button:track', 'tracked'],
      ['menu', 'button:return', 'returned'],
    ],
  );

  it('follows the port of the tapped button', () => {
    const chat = new Conversation(flow);
    chat.start();
    expect(said(chat.send(tapButton('return')))).toEqual(['Returns are free.']);
    expect(chat.session.status).toBe('ended');
  });

  it('treats a typed button title like a tap (case and accents ignored)', () => {
    const chat = new Conversation(flow);
    chat.start();
    expect(said(chat.send(say('  TRACK my order ')))).toEqual(['Tracking it now.']);
  });

  it('re-prompts gently with the same message when nothing is connected to no_match', () => {
    const chat = new Conversation(flow);
    const first = sends(chat.start())[0];
    const effects = chat.send(say('what?'));
    const again = sends(effects);
    expect(said(effects)).toEqual(['Please choose one of the options.', 'What can I do for you?']);
    expect(again[1]?.payload).toEqual(first?.payload);
    expect(chat.session.waiting).toMatchObject({ on: 'reply', nodeId: 'menu', attempts: 1 });
  });

  it('follows no_match when the author connected it', () => {
    const chat = new Conversation(
      buildFlow(
        [menu, tracked, person],
        [
          ['menu', 'button:track', 'tracked'],
          ['menu', 'no_match', 'person'],
        ],
      ),
    );
    chat.start();
    const effects = chat.send(say('I want to talk about something else'));
    expect(said(effects)).toEqual(['A colleague will help.']);
    expect(chat.session.status).toBe('handoff');
  });

  it('routes list rows by id, across sections', () => {
    const list = {
      id: 'pick',
      kind: 'list' as const,
      body: 'Pick a size',
      buttonText: 'Sizes',
      sections: [
        { title: 'Small', rows: [{ id: 's', title: 'S' }] },
        {
          title: 'Large',
          rows: [
            { id: 'l', title: 'L' },
            { id: 'xl', title: 'XL' },
          ],
        },
      ],
    };
    const chat = new Conversation(
      buildFlow([list, { id: 'big', kind: 'end', message: 'Big it is.' }], [['pick', 'row:xl', 'big']]),
    );
    const start = sends(chat.start())[0];
    expect(at(start?.payload, 'interactive', 'action', 'sections', 1, 'rows', 1)).toEqual({ id: 'xl', title: 'XL' });
    const effects = chat.send({
      type: 'message',
      message: { kind: 'list_reply', id: 'w', replyId: 'xl', title: 'XL' },
    });
    expect(said(effects)).toEqual(['Big it is.']);
    expect(ending(effects)?.outcome).toBe('completed');
  });
});

describe('conditions: first rule that holds wins, else otherwise', () => {
  const cases: [string, ConditionOperator, string, unknown, boolean][] = [
    ['equals ignores case and accents', 'equals', 'Zürich', 'zurich', true],
    ['equals compares numbers as numbers', 'equals', '1500', 1500.0, true],
    ['not_equals', 'not_equals', 'gold', 'silver', true],
    ['contains in text', 'contains', 'bike', 'My E-Bike is broken', true],
    ['contains in a list', 'contains', 'b', ['a', 'b'], true],
    ['greater_than numeric', 'greater_than', '100', '150,5', true],
    ['greater_than on text is false', 'greater_than', '100', 'lots', false],
    ['less_than numeric', 'less_than', '100', 99, true],
    ['is_set', 'is_set', '', 'x', true],
    ['is_set on empty text is false', 'is_set', '', '', false],
    ['is_not_set on a missing variable', 'is_not_set', '', undefined, true],
    ['matches a regex', 'matches', '^A-\\d{3}$', 'A-123', true],
    ['matches with a broken regex is false', 'matches', '([', 'A-123', false],
  ];
  it.each(cases)('%s', (_name, operator, value, variable, holds) => {
    const flow = buildFlow(
      [
        { id: 'check', kind: 'condition', rules: [{ id: 'r', variable: 'v', operator, value }] },
        { id: 'yes', kind: 'end', message: 'yes' },
        { id: 'no', kind: 'end', message: 'no' },
      ],
      [
        ['check', 'rule:r', 'yes'],
        ['check', 'else', 'no'],
      ],
    );
    expect(startWith(flow, variable)).toEqual([holds ? 'yes' : 'no']);
  });

  it('takes the first rule that holds, not the last', () => {
    const flow = buildFlow(
      [
        {
          id: 'check',
          kind: 'condition',
          rules: [
            { id: 'big', variable: 'total', operator: 'greater_than', value: '100' },
            { id: 'any', variable: 'total', operator: 'greater_than', value: '0' },
          ],
        },
        { id: 'big', kind: 'end', message: 'big' },
        { id: 'any', kind: 'end', message: 'any' },
      ],
      [
        ['check', 'rule:big', 'big'],
        ['check', 'rule:any', 'any'],
      ],
    );
    expect(startWith(flow, 500)).toEqual(['big']);
    expect(startWith(flow, 5)).toEqual(['any']);
  });
});

/** Starts the flow with `v`/`total` already set, as a jump would carry them over. */
function startWith(flow: Flow, value: unknown): string[] {
  let id = 0;
  const variables = value === undefined ? {} : { v: value, total: value };
  const { effects } = startSession({
    flow,
    flowVersion: 1,
    contact: { id: 'c' },
    trigger: { start: 'check' },
    input: say('hi'),
    ctx: { now: T0, newId: (p) => `${p}-${++id}` },
    variables,
  });
  return said(effects);
}
