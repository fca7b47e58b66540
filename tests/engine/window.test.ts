import type { EngineInput } from '@parley/flow-engine';
import { describe, expect, it } from 'vitest';
import { at, buildFlow, Conversation, ending, HOUR, MINUTE, ofType, said, say, sends, T0 } from './harness.ts';

const reminder = {
  name: 'appointment_reminder',
  language: 'en_US',
  category: 'utility' as const,
  bodyParameters: [{ value: '{{contact_name}}' }],
};
const eventStart = { triggers: [{ id: 'ev', kind: 'event' as const, event: 'appointment_due', start: 'remind' }] };
const label = { botLabel: { name: 'Clinic bot', disclosure: 'This is the automated assistant of the clinic.' } };

describe('the 24-hour window', () => {
  it('sends the template fallback instead of a free-form message when the window is closed', () => {
    const flow = buildFlow(
      [{ id: 'remind', kind: 'text', text: 'Your appointment is tomorrow.', fallbackTemplate: reminder }],
      [],
      { ...eventStart, ...label },
    );
    const chat = new Conversation(flow);
    const effects = chat.start({ type: 'event', name: 'appointment_due', data: {} });
    const [send, ...others] = sends(effects);
    expect(others).toEqual([]);
    expect(send).toMatchObject({ window: 'template', pricing: 'utility', nodeId: 'remind' });
    expect(send?.payload).toEqual({
      type: 'template',
      template: {
        name: 'appointment_reminder',
        language: { code: 'en_US', policy: 'deterministic' },
        components: [{ type: 'body', parameters: [{ type: 'text', text: 'Maria' }] }],
      },
    });
    // It continued as if sent.
    expect(ending(effects)?.outcome).toBe('completed');
  });

  it('follows window_closed when there is no fallback but the port is connected', () => {
    const flow = buildFlow(
      [
        { id: 'remind', kind: 'text', text: 'Your appointment is tomorrow.' },
        { id: 'template', kind: 'template', template: reminder },
      ],
      [['remind', 'window_closed', 'template']],
      eventStart,
    );
    const effects = new Conversation(flow).start({ type: 'event', name: 'appointment_due', data: {} });
    expect(said(effects)).toEqual(['template:appointment_reminder']);
  });

  it('ends with window_closed and a clear message when there is neither', () => {
    const flow = buildFlow([{ id: 'remind', kind: 'text', text: 'Tomorrow!' }], [], eventStart);
    const effects = new Conversation(flow).start({ type: 'event', name: 'appointment_due', data: {} });
    expect(sends(effects)).toEqual([]);
    expect(ending(effects)).toMatchObject({ outcome: 'window_closed' });
    expect(ending(effects)?.message).toMatch(/24-hour window is closed.*"remind"/);
  });

  it('is open for 24 hours after the last customer message, and closed from then on', () => {
    const flow = buildFlow(
      [
        { id: 'wait', kind: 'delay', amount: 1, unit: 'minutes' },
        { id: 'hello', kind: 'text', text: 'Hello again' },
      ],
      [['wait', 'next', 'hello']],
    );
    const open = new Conversation(flow);
    const timer = ofType(open.start(), 'schedule_timer').find((t) => t.purpose === 'delay');
    // A timer that fires late, at 23:59 after the customer wrote, still finds the window open.
    expect(said(open.later(24 * HOUR - MINUTE).send({ type: 'timer', timerId: timer?.timerId ?? '' }))).toEqual([
      'Hello again',
    ]);
    const closed = new Conversation(flow);
    const late = ofType(closed.start(), 'schedule_timer').find((t) => t.purpose === 'delay');
    const effects = closed.later(24 * HOUR).send({ type: 'timer', timerId: late?.timerId ?? '' });
    expect(sends(effects)).toEqual([]);
    expect(ending(effects)?.outcome).toBe('window_closed');
  });

  it('attaches the fallback to session sends so the runtime can switch at send time', () => {
    const flow = buildFlow([{ id: 'remind', kind: 'text', text: 'Hi', fallbackTemplate: reminder }]);
    const [send] = sends(new Conversation(flow).start());
    expect(send).toMatchObject({ window: 'session', pricing: 'service' });
    expect(send?.fallback).toMatchObject({ pricing: 'utility', payload: { type: 'template' } });
  });

  it('follows window_closed when the runtime reports the window closed at send time', () => {
    const flow = buildFlow(
      [
        { id: 'ask', kind: 'question', prompt: 'Your order number?', answerType: 'text', saveAs: 'order' },
        { id: 'template', kind: 'template', template: reminder },
      ],
      [['ask', 'window_closed', 'template']],
    );
    const chat = new Conversation(flow);
    chat.start();
    const effects = chat.send({ type: 'send_failed', nodeId: 'ask', reason: 'window_closed' });
    expect(said(effects)).toEqual(['template:appointment_reminder']);
  });
});

describe('the window opens when the customer wrote, not when the message was processed', () => {
  // A message processed an hour late: the window by processing time is still open when, by the customer's own
  // time, it has closed.
  const flow = buildFlow(
    [
      { id: 'ask', kind: 'question', prompt: 'Your order number?', answerType: 'text', saveAs: 'order' },
      { id: 'wait', kind: 'delay', amount: 23, unit: 'hours' },
      { id: 'hello', kind: 'text', text: 'Still there?' },
    ],
    [
      ['ask', 'answered', 'wait'],
      ['wait', 'next', 'hello'],
    ],
  );
  const written = (at: number | undefined): EngineInput => ({
    type: 'message',
    message: { kind: 'text', id: 'wamid.late', text: 'A-1001', ...(at === undefined ? {} : { at }) },
  });

  /** Answers the question two hours in, with a message sent `at` (given the processing time), then waits 23 h. */
  function replyAfterDelay(at: (now: number) => number | undefined) {
    const chat = new Conversation(flow);
    chat.start();
    const answered = chat.later(2 * HOUR).send(written(at(chat.now)));
    const timer = ofType(answered, 'schedule_timer').find((t) => t.purpose === 'delay');
    return { chat, effects: chat.later(23 * HOUR).send({ type: 'timer', timerId: timer?.timerId ?? '' }) };
  }

  it.each([
    ['no timestamp: the processing time', () => undefined, ['Still there?'], 0],
    ['sent 30 minutes before processing', (now: number) => now - 30 * MINUTE, ['Still there?'], -30 * MINUTE],
    ['sent 61 minutes before processing', (now: number) => now - 61 * MINUTE, [], -61 * MINUTE],
    ['a timestamp from the future, capped at now', (now: number) => now + HOUR, ['Still there?'], 0],
  ])('takes %s', (_what, at, expected, offset) => {
    const { chat, effects } = replyAfterDelay(at);
    expect(said(effects)).toEqual(expected);
    expect(chat.session.lastInboundAt).toBe(T0 + 2 * HOUR + offset);
  });

  it('is not moved back by an older message processed after a newer one', () => {
    const chat = new Conversation(flow);
    chat.start();
    chat.later(2 * HOUR).send(written(chat.now - MINUTE));
    expect(chat.session.lastInboundAt).toBe(T0 + 2 * HOUR - MINUTE);
    chat.later(MINUTE).send(written(T0 + HOUR));
    expect(chat.session.lastInboundAt).toBe(T0 + 2 * HOUR - MINUTE);
  });
});

describe('the bot label', () => {
  it('opens every new conversation with the disclosure', () => {
    const flow = buildFlow([{ id: 'hi', kind: 'text', text: 'How can I help?' }], [], label);
    const effects = new Conversation(flow).start();
    expect(said(effects)).toEqual(['This is the automated assistant of the clinic.', 'How can I help?']);
    expect(sends(effects)[0]).toMatchObject({ window: 'session', pricing: 'service' });
  });

  it('is sent once per conversation', () => {
    const flow = buildFlow(
      [
        { id: 'q', kind: 'question', prompt: 'Name?', answerType: 'text', saveAs: 'name' },
        { id: 'bye', kind: 'end', message: 'Bye {{name}}' },
      ],
      [['q', 'answered', 'bye']],
      label,
    );
    const chat = new Conversation(flow);
    chat.start();
    expect(said(chat.send(say('Ana')))).toEqual(['Bye Ana']);
  });

  it('is skipped when the conversation starts with the window closed; the template goes first', () => {
    const flow = buildFlow([{ id: 'remind', kind: 'template', template: reminder }], [], { ...eventStart, ...label });
    const effects = new Conversation(flow).start({ type: 'event', name: 'appointment_due', data: {} });
    expect(said(effects)).toEqual(['template:appointment_reminder']);
    expect(at(sends(effects)[0], 'window')).toBe('template');
  });
});
