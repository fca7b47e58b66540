import { startSession, step } from '@parley/flow-engine';
import { FlowId } from '@parley/flow-schema';
import { describe, expect, it } from 'vitest';
import { buildFlow, Conversation, ending, ofType, said, say, T0 } from './harness.ts';

describe('the transition budget', () => {
  const loop = buildFlow(
    [
      { id: 'count', kind: 'set_variables', assignments: [{ variable: 'n', value: 'again' }] },
      { id: 'check', kind: 'condition', rules: [{ id: 'always', variable: 'n', operator: 'is_set', value: '' }] },
    ],
    [
      ['count', 'next', 'check'],
      ['check', 'rule:always', 'count'],
    ],
  );

  it('ends a loop that never waits with loop_budget_exceeded', () => {
    const effects = new Conversation(loop).start();
    expect(ending(effects)?.outcome).toBe('loop_budget_exceeded');
    expect(ofType(effects, 'visit')).toHaveLength(200);
  });

  it('honours ctx.maxTransitions', () => {
    let id = 0;
    const { effects } = startSession({
      flow: loop,
      flowVersion: 1,
      contact: { id: 'c' },
      trigger: { start: 'count' },
      input: say('x'),
      ctx: { now: T0, newId: (p) => `${p}-${++id}`, maxTransitions: 7 },
    });
    expect(ofType(effects, 'visit')).toHaveLength(7);
    expect(ending(effects)?.message).toContain('7 nodes');
  });

  it('a loop through a question is fine: it waits each time round', () => {
    const flow = buildFlow(
      [
        { id: 'q', kind: 'question', prompt: 'Another?', answerType: 'choice', choices: ['yes', 'no'], saveAs: 'more' },
        { id: 'check', kind: 'condition', rules: [{ id: 'yes', variable: 'more', operator: 'equals', value: 'yes' }] },
        { id: 'bye', kind: 'end', message: 'Bye' },
      ],
      [
        ['q', 'answered', 'check'],
        ['check', 'rule:yes', 'q'],
        ['check', 'else', 'bye'],
      ],
    );
    const chat = new Conversation(flow);
    chat.start();
    for (let i = 0; i < 300; i++) expect(said(chat.send(say('YES')))).toEqual(['Another?']);
    expect(said(chat.send(say('no')))).toEqual(['Bye']);
  });
});

describe('sessions are pinned to their flow version', () => {
  const v1 = buildFlow(
    [
      { id: 'ask', kind: 'question', prompt: 'Name?', answerType: 'text', saveAs: 'name' },
      { id: 'bye', kind: 'end', message: 'Bye {{name}}' },
    ],
    [['ask', 'answered', 'bye']],
  );

  it('refuses to step a session whose node no longer exists', () => {
    const chat = new Conversation(v1);
    chat.start();
    const v2 = buildFlow([{ id: 'greet', kind: 'text', text: 'Hello' }]);
    let id = 0;
    const { session, effects } = step(v2, chat.session, say('Ana'), { now: T0, newId: (p) => `${p}-${++id}` });
    expect(ending(effects)?.outcome).toBe('broken_flow');
    expect(ending(effects)?.message).toContain('"ask" no longer exists in version 3');
    expect(said(effects)).toEqual([]);
    expect(session.status).toBe('ended');
  });

  it('refuses a session of another flow', () => {
    const chat = new Conversation(v1);
    chat.start();
    const other = { ...v1, id: FlowId.parse('other-flow') };
    let id = 0;
    const { effects } = step(other, chat.session, say('Ana'), { now: T0, newId: (p) => `${p}-${++id}` });
    expect(ending(effects)?.outcome).toBe('broken_flow');
  });

  it('leaves the given session untouched and gives the same result for the same arguments', () => {
    const chat = new Conversation(v1);
    chat.start();
    const before = structuredClone(chat.session);
    const run = () => {
      let id = 0;
      return step(v1, chat.session, say('Ana'), { now: T0 + 5, newId: (p) => `${p}-${++id}` });
    };
    const first = run();
    expect(run()).toEqual(first);
    expect(chat.session).toEqual(before);
    expect(first.session.variables.name).toBe('Ana');
  });
});
