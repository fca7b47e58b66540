import { describe, expect, it } from 'vitest';
import { buildFlow, Conversation, ending, HOUR, MINUTE, ofType, said, say, T0 } from './harness.ts';

const ask = {
  id: 'ask',
  kind: 'buttons' as const,
  body: 'Still there?',
  buttons: [{ id: 'yes', title: 'Yes' }],
  timeoutMinutes: 30,
};

describe('delays', () => {
  const flow = buildFlow(
    [
      { id: 'thanks', kind: 'text', text: 'Thanks for your order.' },
      { id: 'wait', kind: 'delay', amount: 2, unit: 'days' },
      { id: 'review', kind: 'end', message: 'How was it?' },
    ],
    [
      ['thanks', 'next', 'wait'],
      ['wait', 'next', 'review'],
    ],
  );

  it('schedules a delay timer and continues on next when it fires', () => {
    const chat = new Conversation(flow);
    const effects = chat.start();
    const timer = ofType(effects, 'schedule_timer').find((t) => t.purpose === 'delay');
    expect(timer).toMatchObject({ nodeId: 'wait', at: T0 + 2 * 24 * HOUR });
    expect(chat.session.waiting).toEqual({ on: 'timer', nodeId: 'wait', timerId: timer?.timerId });

    const fired = chat.later(2 * 24 * HOUR).send({ type: 'timer', timerId: timer?.timerId ?? '' });
    // Two days without a reply: the window closed, and the end node has no fallback.
    expect(ending(fired)?.outcome).toBe('window_closed');
  });

  it('a delay longer than the session timeout does not end the conversation', () => {
    const edges: [string, string, string][] = [
      ['thanks', 'next', 'wait'],
      ['wait', 'next', 'review'],
    ];
    const chat = new Conversation(buildFlow(flow.nodes, edges, { settings: { sessionTimeoutMinutes: 60 } }));
    const started = chat.start();
    expect(chat.session.waiting?.on).toBe('timer');
    const idle = ofType(started, 'schedule_timer').find((t) => t.purpose === 'idle');
    // The idle timer is cancelled while the bot waits out its own delay.
    expect(ofType(started, 'cancel_timer').map((c) => c.timerId)).toContain(idle?.timerId);
    expect(chat.session.idleTimerId).toBeNull();
  });

  it('starts the session timeout again when the flow waits for the customer after a delay', () => {
    const withQuestion = buildFlow(
      [
        { id: 'wait', kind: 'delay', amount: 1, unit: 'hours' },
        { id: 'ask', kind: 'question', prompt: 'Still interested?', answerType: 'text', saveAs: 'answer' },
      ],
      [['wait', 'next', 'ask']],
      { settings: { sessionTimeoutMinutes: 30 } },
    );
    const chat = new Conversation(withQuestion);
    const timer = ofType(chat.start(), 'schedule_timer').find((t) => t.purpose === 'delay');
    const fired = chat.later(HOUR).send({ type: 'timer', timerId: timer?.timerId ?? '' });
    const idle = ofType(fired, 'schedule_timer').find((t) => t.purpose === 'idle');
    expect(idle?.at).toBe(T0 + HOUR + 30 * MINUTE);
    expect(ending(chat.later(30 * MINUTE).send({ type: 'timer', timerId: idle?.timerId ?? '' }))?.outcome).toBe(
      'idle_timeout',
    );
  });

  it('a customer message during a delay does not skip it', () => {
    const chat = new Conversation(flow);
    chat.start();
    const effects = chat.later(HOUR).send(say('hello?'));
    expect(said(effects)).toEqual([]);
    expect(chat.session.waiting?.on).toBe('timer');
  });
});

describe('reply timeouts and the idle timeout', () => {
  it('takes the timeout port when the reply timer fires', () => {
    const flow = buildFlow(
      [ask, { id: 'nudge', kind: 'end', message: 'Come back any time.' }],
      [['ask', 'timeout', 'nudge']],
    );
    const chat = new Conversation(flow);
    const timer = ofType(chat.start(), 'schedule_timer').find((t) => t.purpose === 'reply_timeout');
    expect(timer?.at).toBe(T0 + 30 * MINUTE);
    const effects = chat.later(30 * MINUTE).send({ type: 'timer', timerId: timer?.timerId ?? '' });
    expect(said(effects)).toEqual(['Come back any time.']);
    // The fired timer is not cancelled again; the idle timer is.
    expect(ofType(effects, 'cancel_timer').map((c) => c.timerId)).not.toContain(timer?.timerId);
  });

  it('ends with idle_timeout when nothing is connected to timeout', () => {
    const chat = new Conversation(buildFlow([ask]));
    const timer = ofType(chat.start(), 'schedule_timer').find((t) => t.purpose === 'reply_timeout');
    const effects = chat.later(31 * MINUTE).send({ type: 'timer', timerId: timer?.timerId ?? '' });
    expect(said(effects)).toEqual([]);
    expect(ending(effects)?.outcome).toBe('idle_timeout');
  });

  it('cancels the reply timer once the customer answered', () => {
    const chat = new Conversation(buildFlow([ask, { id: 'ok', kind: 'end' }], [['ask', 'button:yes', 'ok']]));
    const timer = ofType(chat.start(), 'schedule_timer').find((t) => t.purpose === 'reply_timeout');
    const effects = chat.send(say('yes'));
    expect(ofType(effects, 'cancel_timer').map((c) => c.timerId)).toContain(timer?.timerId);
  });

  it('refreshes the idle timer on every customer message and ends the session when it fires', () => {
    const flow = buildFlow(
      [{ id: 'name', kind: 'question', prompt: 'Your name?', answerType: 'email', saveAs: 'email', retries: 5 }],
      [],
      { settings: { sessionTimeoutMinutes: 90 } },
    );
    const chat = new Conversation(flow);
    const first = ofType(chat.start(), 'schedule_timer').find((t) => t.purpose === 'idle');
    expect(first?.at).toBe(T0 + 90 * MINUTE);
    const effects = chat.later(HOUR).send(say('not an email'));
    const second = ofType(effects, 'schedule_timer').find((t) => t.purpose === 'idle');
    expect(ofType(effects, 'cancel_timer').map((c) => c.timerId)).toContain(first?.timerId);
    expect(second?.at).toBe(T0 + HOUR + 90 * MINUTE);
    expect(chat.session.idleTimerId).toBe(second?.timerId);

    const idle = chat.later(90 * MINUTE).send({ type: 'timer', timerId: second?.timerId ?? '' });
    expect(ending(idle)?.outcome).toBe('idle_timeout');
  });
});

describe('stale inputs are ignored', () => {
  it('ignores a timer, a result or a release the session is not waiting on', () => {
    const chat = new Conversation(buildFlow([ask]));
    chat.start();
    const before = chat.session;
    for (const input of [
      { type: 'timer' as const, timerId: 'timer-from-an-old-node' },
      { type: 'http_result' as const, requestId: 'old', ok: true, status: 200, body: {} },
      { type: 'ai_result' as const, requestId: 'old', ok: true, inScope: true, answer: 'hi' },
      { type: 'handoff_released' as const },
      { type: 'event' as const, name: 'order_shipped', data: {} },
    ]) {
      expect(chat.send(input)).toEqual([]);
      expect(chat.session).toBe(before);
    }
  });

  it('does nothing once the conversation has ended', () => {
    const chat = new Conversation(buildFlow([{ id: 'bye', kind: 'end', message: 'Bye' }]));
    chat.start();
    expect(chat.session.status).toBe('ended');
    expect(chat.send(say('hello again'))).toEqual([]);
  });
});
