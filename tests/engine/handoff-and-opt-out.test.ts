import { describe, expect, it } from 'vitest';
import { buildFlow, Conversation, ending, ofType, said, say } from './harness.ts';

const question = {
  id: 'q',
  kind: 'question' as const,
  prompt: 'Your order number?',
  answerType: 'text' as const,
  saveAs: 'order',
};

describe('handoff', () => {
  const flow = buildFlow(
    [
      { id: 'team', kind: 'handoff', message: 'A person will reply shortly.', queue: 'billing' },
      { id: 'back', kind: 'end', message: 'The bot is back. Bye!' },
    ],
    [['team', 'released', 'back']],
  );

  it('hands off with its queue, sends its message and stays quiet until released', () => {
    const chat = new Conversation(flow);
    const effects = chat.start();
    expect(ofType(effects, 'handoff')).toEqual([{ type: 'handoff', nodeId: 'team', queue: 'billing', reason: 'node' }]);
    expect(said(effects)).toEqual(['A person will reply shortly.']);
    expect(chat.session.status).toBe('handoff');
    expect(said(chat.send(say('hello?')))).toEqual([]);
    expect(said(chat.send({ type: 'handoff_released' }))).toEqual(['The bot is back. Bye!']);
  });

  it('ends when released and nothing is connected', () => {
    const chat = new Conversation(buildFlow([{ id: 'team', kind: 'handoff' }]));
    chat.start();
    expect(ending(chat.send({ type: 'handoff_released' }))?.outcome).toBe('completed');
  });

  it.each(['agent', 'Human', ' HUMAN ', 'hilfe'])('hands off on the global word %j', (word) => {
    const chat = new Conversation(buildFlow([question], [], { settings: { handoffKeyword: 'Hilfe' } }));
    chat.start();
    const effects = chat.send(say(word));
    expect(ofType(effects, 'handoff')[0]).toMatchObject({ reason: 'keyword', nodeId: 'q', queue: 'default' });
    expect(chat.session.status).toBe('handoff');
    expect(chat.session.variables.order).toBeUndefined();
  });

  it("hands a keyword request to the flow's own team when it has one", () => {
    const chat = new Conversation(buildFlow([question, { id: 'team', kind: 'handoff', queue: 'billing' }]));
    chat.start();
    expect(ofType(chat.send(say('agent')), 'handoff')[0]).toMatchObject({ queue: 'billing', reason: 'keyword' });
  });

  it('does not hand off when the word is only part of a message', () => {
    const chat = new Conversation(buildFlow([question]));
    chat.start();
    chat.send(say('my travel agent ordered it'));
    expect(chat.session.variables.order).toBe('my travel agent ordered it');
  });
});

describe('opt-out', () => {
  it.each(['STOP', 'stop', 'Unsubscribe', 'opt out', 'opt-out', 'Parar', 'baja', 'Stopp', 'Arrêter!'])(
    '%j records an opt-out from everything, confirms it and ends',
    (word) => {
      const chat = new Conversation(buildFlow([question]));
      chat.start();
      const effects = chat.send(say(word));
      expect(ofType(effects, 'consent')).toEqual([
        expect.objectContaining({ category: 'all', action: 'opt_out', nodeId: 'q' }),
      ]);
      expect(said(effects)).toHaveLength(1);
      expect(ending(effects)?.outcome).toBe('opted_out');
      expect(chat.session.status).toBe('ended');
    },
  );

  it('"cancel" is not an opt-out: it is an answer like any other', () => {
    const chat = new Conversation(buildFlow([question]));
    chat.start();
    const effects = chat.send(say('cancel'));
    expect(ofType(effects, 'consent')).toEqual([]);
    expect(chat.session.variables.order).toBe('cancel');
  });

  it('works even while a person has the conversation', () => {
    const chat = new Conversation(buildFlow([{ id: 'team', kind: 'handoff' }]));
    chat.start();
    expect(ending(chat.send(say('STOP')))?.outcome).toBe('opted_out');
  });

  it('a first message "STOP" opts out instead of starting the flow', () => {
    const chat = new Conversation(buildFlow([question]));
    const effects = chat.start(say('stop'));
    expect(said(effects)).not.toContain('Your order number?');
    expect(ending(effects)?.outcome).toBe('opted_out');
  });

  it('the opt_in and opt_out nodes record consent with their wording', () => {
    const flow = buildFlow(
      [
        { id: 'in', kind: 'opt_in', category: 'marketing', wording: 'Weekly offers from Acme' },
        { id: 'out', kind: 'opt_out', category: 'utility', confirmation: 'No more order updates.' },
      ],
      [['in', 'next', 'out']],
    );
    const effects = new Conversation(flow).start();
    expect(ofType(effects, 'consent')).toEqual([
      { type: 'consent', category: 'marketing', action: 'opt_in', wording: 'Weekly offers from Acme', nodeId: 'in' },
      { type: 'consent', category: 'utility', action: 'opt_out', wording: 'No more order updates.', nodeId: 'out' },
    ]);
    expect(said(effects)).toEqual(['No more order updates.']);
  });
});
