import { describe, expect, it } from 'vitest';
import { FlowNode, type NodeKind } from './nodes/index.ts';
import { portsOf, sendsSessionMessage, waitsForCustomer } from './ports.ts';

const node = (input: Record<string, unknown>) => FlowNode.parse({ id: 'n', ...input });
const ids = (input: Record<string, unknown>) => portsOf(node(input)).map((port) => `${port.id}/${port.role}`);

describe('portsOf', () => {
  it.each<[NodeKind, Record<string, unknown>, string[]]>([
    ['text', { text: 'Hi' }, ['next/main', 'window_closed/fallback']],
    [
      'buttons',
      {
        body: 'Pick',
        buttons: [
          { id: 'yes', title: 'Yes' },
          { id: 'no', title: 'No' },
        ],
      },
      ['button:yes/main', 'button:no/main', 'no_match/fallback', 'timeout/fallback', 'window_closed/fallback'],
    ],
    [
      'list',
      {
        body: 'Pick',
        buttonText: 'Open',
        sections: [{ rows: [{ id: 'a', title: 'A' }] }, { rows: [{ id: 'b', title: 'B' }] }],
      },
      ['row:a/main', 'row:b/main', 'no_match/fallback', 'timeout/fallback', 'window_closed/fallback'],
    ],
    [
      'condition',
      { rules: [{ id: 'big', variable: 'total', operator: 'greater_than', value: '100' }] },
      ['rule:big/main', 'else/main'],
    ],
    ['template', { template: { name: 't', language: 'en', category: 'utility' } }, ['next/main', 'not_sent/fallback']],
    [
      'template',
      {
        template: {
          name: 't',
          language: 'en',
          category: 'utility',
          quickReplies: [{ index: 0, payload: 'stop', title: 'Stop' }],
        },
      },
      ['reply:stop/main', 'no_match/fallback', 'timeout/fallback', 'not_sent/fallback'],
    ],
    ['http_request', { method: 'GET', url: 'https://x.example' }, ['success/main', 'error/fallback']],
    ['handoff', {}, ['released/fallback']],
    ['jump', { flowId: 'other' }, []],
    ['end', {}, []],
  ])('gives a %s node its ports', (kind, fields, expected) => {
    expect(ids({ kind, ...fields })).toEqual(expected);
  });

  it('labels button ports with the button title, so the canvas can show them', () => {
    const [first] = portsOf(node({ kind: 'buttons', body: 'Pick', buttons: [{ id: 'yes', title: 'Yes please' }] }));
    expect(first).toEqual({ id: 'button:yes', label: 'Yes please', role: 'main' });
  });
});

describe('waitsForCustomer and sendsSessionMessage', () => {
  it('tells waiting and free-form nodes apart', () => {
    const question = node({ kind: 'question', prompt: 'Name?', answerType: 'text', saveAs: 'name' });
    const plainTemplate = node({ kind: 'template', template: { name: 't', language: 'en', category: 'utility' } });
    const silentEnd = node({ kind: 'end' });
    const talkingEnd = node({ kind: 'end', message: 'Bye' });
    expect([question, plainTemplate, silentEnd, talkingEnd].map(waitsForCustomer)).toEqual([true, false, false, false]);
    expect([question, plainTemplate, silentEnd, talkingEnd].map(sendsSessionMessage)).toEqual([
      true,
      false,
      false,
      true,
    ]);
  });
});
