import type { EndOutcome, SendFailureReason } from '@parley/flow-engine';
import { describe, expect, it } from 'vitest';
import { buildFlow, Conversation, ending, ofType, said } from './harness.ts';

// The runtime reports a send it could not make with `send_failed`; what the
// flow does next depends on why and on the kind of node that sent it.

const offer = { name: 'spring_offer', language: 'en', category: 'marketing' as const };
const after = {
  id: 'ask',
  kind: 'question' as const,
  prompt: 'Anything else?',
  answerType: 'text' as const,
  saveAs: 'x',
};

/** A template node that goes on to a question; `not_sent` leads to a condition on why, when connected. */
function templateFlow(connected: boolean) {
  return buildFlow(
    [
      { id: 'offer', kind: 'template', template: offer },
      after,
      {
        id: 'why',
        kind: 'condition',
        rules: [{ id: 'paused', variable: 'send_failure.reason', operator: 'equals', value: 'template_unavailable' }],
      },
      { id: 'paused', kind: 'text', text: 'Our offer is on hold.' },
      { id: 'other', kind: 'text', text: 'We could not reach you: {{send_failure.reason}}.' },
    ],
    [
      ['offer', 'next', 'ask'],
      ...(connected ? [['offer', 'not_sent', 'why'] satisfies [string, string, string]] : []),
      ['why', 'rule:paused', 'paused'],
      ['why', 'else', 'other'],
    ],
  );
}

/** A text node whose window_closed port is connected, so a failure taken for a closed window would show. */
function textFlow() {
  return buildFlow(
    [
      { id: 'hello', kind: 'text', text: 'Hello!' },
      after,
      { id: 'late', kind: 'template', template: { ...offer, name: 'we_missed_you' } },
    ],
    [
      ['hello', 'next', 'ask'],
      ['hello', 'window_closed', 'late'],
    ],
  );
}

type Expected = { said: string[] } | { end: EndOutcome } | 'stays';

const codes: Record<SendFailureReason, number> = {
  window_closed: 131047,
  template_unavailable: 132015,
  opted_out: 131050,
  undeliverable: 131026,
  rejected: 131053,
  marketing_limited: 131049,
};

const cases: [SendFailureReason, 'template + not_sent' | 'template' | 'text', Expected][] = [
  ['window_closed', 'template + not_sent', { end: 'window_closed' }],
  ['window_closed', 'template', { end: 'window_closed' }],
  ['window_closed', 'text', { said: ['template:we_missed_you'] }],
  ['template_unavailable', 'template + not_sent', { said: ['Our offer is on hold.'] }],
  ['template_unavailable', 'template', { end: 'template_unavailable' }],
  ['template_unavailable', 'text', { end: 'template_unavailable' }],
  ['opted_out', 'template + not_sent', { said: ['We could not reach you: opted_out.'] }],
  ['opted_out', 'template', { end: 'opted_out' }],
  ['opted_out', 'text', { end: 'opted_out' }],
  ['undeliverable', 'template + not_sent', { said: ['We could not reach you: undeliverable.'] }],
  ['undeliverable', 'template', { end: 'undeliverable' }],
  ['undeliverable', 'text', { end: 'undeliverable' }],
  ['rejected', 'template + not_sent', { said: ['We could not reach you: rejected.'] }],
  ['rejected', 'template', { end: 'send_rejected' }],
  ['rejected', 'text', { end: 'send_rejected' }],
  ['marketing_limited', 'template + not_sent', 'stays'],
  ['marketing_limited', 'template', 'stays'],
  ['marketing_limited', 'text', 'stays'],
];

describe('a send the runtime could not make', () => {
  it.each(cases)('%s at a %s node', (reason, where, expected) => {
    const chat = new Conversation(where === 'text' ? textFlow() : templateFlow(where === 'template + not_sent'));
    chat.start();
    const before = chat.session;
    expect(before).toMatchObject({ status: 'waiting', nodeId: 'ask' });
    const nodeId = where === 'text' ? 'hello' : 'offer';
    const effects = chat.send({ type: 'send_failed', nodeId, reason, code: codes[reason] });

    if (expected === 'stays') {
      // Meta holds the template and the runtime sends it again later: nothing moves.
      expect(ofType(effects, 'notice')).toEqual([expect.objectContaining({ code: 'send.marketing_limited', nodeId })]);
      expect(effects.filter((e) => e.type !== 'notice')).toEqual([]);
      expect(chat.session).toEqual({ ...before, updatedAt: chat.now });
      return;
    }
    expect(chat.session.variables.send_failure).toEqual({ reason, code: codes[reason] });
    if ('end' in expected) {
      expect(said(effects)).toEqual([]);
      expect(ending(effects)).toMatchObject({ outcome: expected.end, nodeId });
      expect(chat.session).toMatchObject({ status: 'ended', endedReason: expected.end });
    } else {
      expect(said(effects)).toEqual(expected.said);
      expect(chat.session.status).not.toBe('waiting');
    }
  });

  it('keeps the reason alone when Meta gave no code', () => {
    const chat = new Conversation(templateFlow(true));
    chat.start();
    chat.send({ type: 'send_failed', nodeId: 'offer', reason: 'undeliverable' });
    expect(chat.session.variables.send_failure).toEqual({ reason: 'undeliverable' });
  });

  it('names the node, the reason and the code when it ends the conversation', () => {
    const chat = new Conversation(templateFlow(false));
    chat.start();
    const effects = chat.send({ type: 'send_failed', nodeId: 'offer', reason: 'template_unavailable', code: 132016 });
    expect(ending(effects)?.message).toMatch(/node "offer".*paused, disabled or unknown.*132016/);
  });

  it('ignores a failure of a node the flow does not have, such as the bot disclosure', () => {
    const chat = new Conversation(templateFlow(true));
    chat.start();
    const before = chat.session;
    expect(chat.send({ type: 'send_failed', nodeId: '(global)', reason: 'rejected' })).toEqual([]);
    expect(chat.session).toBe(before);
  });
});
