import { checkAnswer, detectGlobalWord, matchTrigger } from '@parley/flow-engine';
import type { AnswerType } from '@parley/flow-schema';
import { describe, expect, it } from 'vitest';
import { buildFlow, Conversation, said, say } from './harness.ts';

const flow = buildFlow(
  [
    { id: 'a', kind: 'end' },
    { id: 'b', kind: 'end' },
    { id: 'c', kind: 'end' },
  ],
  [],
  {
    triggers: [
      { id: 'exact', kind: 'keyword', keywords: ['Menü'], match: 'exact', start: 'a' },
      { id: 'starts', kind: 'keyword', keywords: ['order'], match: 'starts_with', start: 'b' },
      { id: 'contains', kind: 'keyword', keywords: ['refund'], match: 'contains', start: 'c' },
      { id: 'payload', kind: 'payload', payloads: ['promo:stop', 'track'], start: 'c' },
      { id: 'shipped', kind: 'event', event: 'order_shipped', start: 'b' },
      { id: 'any', kind: 'inbound_any', start: 'a' },
    ],
  },
);

describe('matchTrigger', () => {
  it.each([
    ['  MENU ', 'exact'],
    ['menu please', 'any'],
    ['Order 1001', 'starts'],
    ['I want a REFUND now', 'contains'],
    ['hello', 'any'],
  ])('%j starts the %s trigger', (text, id) => {
    expect(matchTrigger(flow, say(text))?.id).toBe(id);
  });

  it('matches button and list reply ids and template quick-reply payloads', () => {
    const tap = matchTrigger(flow, {
      type: 'message',
      message: { kind: 'list_reply', id: 'w', replyId: 'track', title: 'Track' },
    });
    const quick = matchTrigger(flow, {
      type: 'message',
      message: { kind: 'template_button', id: 'w', payload: 'promo:stop', text: 'Stop promotions' },
    });
    expect([tap?.id, quick?.id]).toEqual(['payload', 'payload']);
  });

  it('matches business events by name only', () => {
    expect(matchTrigger(flow, { type: 'event', name: 'order_shipped', data: {} })?.id).toBe('shipped');
    expect(matchTrigger(flow, { type: 'event', name: 'order_paid', data: {} })).toBeUndefined();
  });

  it('matches nothing when a flow has no fitting trigger', () => {
    const keywordOnly = buildFlow([{ id: 'a', kind: 'end' }], [], {
      triggers: [{ id: 'k', kind: 'keyword', keywords: ['hi'], start: 'a' }],
    });
    expect(matchTrigger(keywordOnly, say('hello'))).toBeUndefined();
  });
});

describe('detectGlobalWord', () => {
  it.each([
    ['STOP', 'opt_out'],
    ['Stop promotions', 'opt_out'],
    ['darme de baja', 'opt_out'],
    ['cancel', undefined],
    ['please stop sending', undefined],
    ['Agent', 'handoff'],
    ['asistente', 'handoff'],
  ])('%j → %s', (text, kind) => {
    expect(detectGlobalWord(text, { handoffKeyword: 'Asistente' })?.kind).toBe(kind);
  });
});

describe('answers to questions', () => {
  const cases: [AnswerType, string, string | number | undefined][] = [
    ['text', '  Maria ', 'Maria'],
    ['text', '   ', undefined],
    ['number', '42', 42],
    ['number', '12,5', 12.5],
    ['number', '€ 1 200', 1200],
    ['number', 'twelve', undefined],
    ['email', 'maria@example.com', 'maria@example.com'],
    ['email', 'maria@example', undefined],
    ['phone', '+49 30 123-4567', '+49301234567'],
    ['phone', '0049 30 1234567', '+49301234567'],
    ['phone', '030 1234567', undefined],
    ['phone', '+12 34', undefined],
    ['date', '2026-03-01', '2026-03-01'],
    ['date', '1/3/2026', '2026-03-01'],
    ['date', '31.12.2026', '2026-12-31'],
    ['date', '31/02/2026', undefined],
    ['date', 'tomorrow', undefined],
    ['choice', 'LARGE', 'Large'],
    ['choice', 'huge', undefined],
    ['regex', 'AB-123', 'AB-123'],
    ['regex', 'AB-12', undefined],
  ];
  it.each(cases)('%s: %j', (answerType, raw, value) => {
    const result = checkAnswer({ answerType, choices: ['Small', 'Large'], pattern: '^[A-Z]{2}-\\d{3}$' }, raw);
    expect(result.ok ? result.value : undefined).toEqual(value);
  });

  it('re-asks with the retry prompt, then takes the invalid port', () => {
    const chat = new Conversation(
      buildFlow(
        [
          { id: 'q', kind: 'question', prompt: 'Email?', answerType: 'email', saveAs: 'email', retries: 1 },
          { id: 'person', kind: 'handoff', message: 'Let me get a person.' },
        ],
        [['q', 'invalid', 'person']],
      ),
    );
    chat.start();
    expect(said(chat.send(say('nope')))).toEqual(['Please send a valid email address, for example name@example.com.']);
    expect(said(chat.send(say('still nope')))).toEqual(['Let me get a person.']);
  });

  it('keeps the valid answer, typed as the question asks', () => {
    const chat = new Conversation(
      buildFlow([
        {
          id: 'q',
          kind: 'question',
          prompt: 'How many?',
          answerType: 'number',
          saveAs: 'count',
          retryPrompt: 'A number, {{contact_name}}!',
        },
      ]),
    );
    chat.start();
    expect(said(chat.send(say('a few')))).toEqual(['A number, Maria!']);
    chat.send(say('3,5'));
    expect(chat.session.variables.count).toBe(3.5);
  });
});
