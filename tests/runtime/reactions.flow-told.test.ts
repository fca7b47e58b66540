import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  consents,
  conversations,
  failNext,
  outbound,
  postEvent,
  sendsTo,
  templatesReceived,
  visits,
  WAYS,
} from './both-ways.ts';
import { type RuntimeUnderTest, readFixture, startRuntimeUnderTest, waitFor } from './runtime-under-test.ts';

/**
 * A template that does not go tells its flow why: the `not_sent` path of
 * notify.json routes on `send_failure.reason`, so the node it reaches says
 * what the runtime told the flow. Each code is checked in the send's answer
 * and as a late `failed` status.
 */
let rt: RuntimeUnderTest;
beforeEach(async () => {
  rt = await startRuntimeUnderTest();
  await rt.publish(readFixture('notify.json'));
});
afterEach(async () => {
  await rt.close();
});

const TOLD = ['told_opted_out', 'told_undeliverable', 'told_rejected', 'told_template_unavailable', 'told_other'];

/** Waits for the contact's newest conversation to end, and returns it. */
async function ended(phone: string, count = 1) {
  return waitFor('the conversation to end', async () => {
    const all = await conversations(rt, phone);
    return all.length >= count && all.every((c) => c.status === 'ended') ? all[0] : undefined;
  });
}

/** The not_sent targets the flow reached, with how often. */
async function told(): Promise<Record<string, number>> {
  const seen = await visits(rt, 'notify');
  return Object.fromEntries(TOLD.flatMap((node) => (seen[node] === undefined ? [] : [[node, seen[node]]])));
}

describe.each(WAYS)('a template refused %s', (way) => {
  it.each([
    [131050, 'promo', 'told_opted_out'],
    [131026, 'update', 'told_undeliverable'],
    [131051, 'update', 'told_rejected'],
    [131053, 'code', 'told_rejected'],
    [132015, 'update', 'told_template_unavailable'],
    [132016, 'promo', 'told_template_unavailable'],
  ])('%i: the flow follows not_sent with the reason it was given', async (code, event, node) => {
    const phone = '4915112350001';
    failNext(rt, way, phone, code);
    await postEvent(rt, event, phone);
    const conversation = await ended(phone);
    expect(await told()).toEqual({ [node]: 1 });
    // It did not take the template for sent: the path after it was never walked.
    expect((await visits(rt, 'notify')).done).toBeUndefined();
    expect(conversation?.endedReason).toBe('completed');
    expect(rt.received(phone)).toEqual([]);
    const log = await outbound(rt, phone);
    expect(log.map((m) => m.status)).toEqual(['failed']);
    // Failed for good: long after any retry would have gone, it was sent exactly once.
    await rt.advance(3_600_000);
    expect(sendsTo(rt, phone)).toHaveLength(1);
  });

  it('131050: the opt-out is of marketing only, with evidence; utility and authentication still go', async () => {
    const phone = '4915112350002';
    failNext(rt, way, phone, 131050);
    await postEvent(rt, 'promo', phone);
    await ended(phone);
    const ledger = await consents(rt, phone);
    expect(ledger).toEqual([
      expect.objectContaining({ category: 'marketing', action: 'opt_in', source: 'flow:notify@1/opt_in' }),
      expect.objectContaining({
        category: 'marketing',
        action: 'opt_out',
        source: 'whatsapp_error:131050',
        wording: expect.stringContaining('131050'),
        at: expect.any(Number),
      }),
    ]);
    await postEvent(rt, 'update', phone);
    await postEvent(rt, 'code', phone);
    await waitFor('the update and the code', () => templatesReceived(rt, phone).length >= 2);
    expect(templatesReceived(rt, phone).sort()).toEqual(['login_code', 'order_update']);
  });

  it('131026: the contact is marked, later sends are skipped and their flow told, until the customer writes', async () => {
    const phone = '4915112350003';
    failNext(rt, way, phone, 131026);
    await postEvent(rt, 'update', phone);
    await ended(phone);
    const before = sendsTo(rt, phone).length;
    await postEvent(rt, 'code', phone);
    await ended(phone, 2);
    // Not even tried: the runtime knows the contact cannot be reached.
    expect(sendsTo(rt, phone)).toHaveLength(before);
    expect(await told()).toEqual({ told_undeliverable: 2 });
    expect((await outbound(rt, phone)).map((m) => m.status)).toEqual(['failed', 'not_sent']);

    await rt.customer.sendText(phone, 'I have WhatsApp again');
    await waitFor('the message to be recorded', async () => {
      const { messages } = await (await rt.api(`/contacts/${phone}/messages`)).json();
      return messages.some((m: { direction: string }) => m.direction === 'in');
    });
    await postEvent(rt, 'code', phone);
    await waitFor('the code after they wrote', () => templatesReceived(rt, phone).includes('login_code'));
  });
});
