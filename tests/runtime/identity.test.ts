import type { IdentityChange } from '@parley/whatsapp/simulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { consents, conversations, postText, sendsTo, templatesReceived } from './both-ways.ts';
import {
  type RuntimeUnderTest,
  readExample,
  readFixture,
  startRuntimeUnderTest,
  textOf,
  waitFor,
} from './runtime-under-test.ts';

/**
 * WhatsApp tells the business when a customer changes number
 * (`customer_changed_number`) or gets a new BSUID (`user_changed_user_id`).
 * Neither is a message from the customer: no reply, no window. The contact
 * moves to the new identity with its consent, history and conversation.
 */
let rt: RuntimeUnderTest;
beforeEach(async () => {
  rt = await startRuntimeUnderTest();
});
afterEach(async () => {
  await rt.close();
});

const HOUR = 3_600_000;
const FOLLOW_UP = 'Following up: your appointment is today.';

type Change = [name: string, change: (from: string) => Promise<IdentityChange>, newId: (c: IdentityChange) => string];
const CHANGES: Change[] = [
  ['a number change', (from) => rt.customer.changeNumber(from, '4915112399999'), () => '4915112399999'],
  ['a BSUID change', (from) => rt.customer.changeUserId(from), (c) => (c.ok ? c.customer.userId : '')],
];

/** The phone the customer has after the change: the new one, or the same after a BSUID change. */
const phoneAfter = (changed: IdentityChange, before: string) =>
  changed.ok ? (changed.customer.phone ?? before) : before;

async function allMessages(id: string): Promise<{ direction: string; payload: unknown }[]> {
  return (await (await rt.api(`/contacts/${id}/messages`)).json()).messages;
}

describe.each(CHANGES)('%s', (_name, change, newId) => {
  it('gets no reply and opens no window; consent, history and the conversation move along', async () => {
    const flow = readFixture('follow-up.json');
    for (const node of Array.isArray(flow.nodes) ? flow.nodes : []) if (node.id === 'wait') node.amount = 23;
    await rt.publish(flow);
    const phone = '4915112390001';
    // Written two hours ago (a backlog): the window closes 22 hours from now, before the follow-up at 23.
    const sentAt = rt.clock.now() - 2 * HOUR;
    rt.customer.recordInbound(phone, rt.simulator.clock.now() - 2 * HOUR);
    expect(await postText(rt, phone, 'Please follow up', sentAt)).toBe(200);
    await waitFor('the acknowledgement', () => rt.received(phone).length >= 1);
    await rt.customer.setMarketingPreference(phone, 'stop');
    await waitFor('the marketing stop', async () => ((await consents(rt, phone)).length === 1 ? true : undefined));
    const [before] = await conversations(rt, phone);

    await rt.advance(21 * HOUR);
    const changed = await change(phone);
    expect(changed.ok).toBe(true);
    const id = newId(changed);
    const to = phoneAfter(changed, phone);
    const requests = rt.simulator.requests.list().length;
    await rt.advance(1_000);
    expect(rt.simulator.requests.list()).toHaveLength(requests);

    // 25 hours after the customer last wrote: the notice two hours before did not reopen the window.
    await rt.advance(2 * HOUR);
    await waitFor('the follow-up template', () => templatesReceived(rt, to).length > 0);
    expect(templatesReceived(rt, to)).toEqual(['appointment_today']);
    expect(sendsTo(rt, to).filter((r) => JSON.stringify(r.body).includes(FOLLOW_UP))).toEqual([]);
    // Sent to where the customer is now: the number they left got nothing after the acknowledgement.
    expect(sendsTo(rt, to).at(-1)?.recipient).toBe(to);
    if (to !== phone) expect(sendsTo(rt, phone)).toHaveLength(1);

    // The same contact under the new identity: its consent, its history, its one conversation.
    expect(await consents(rt, id)).toEqual([
      expect.objectContaining({ category: 'marketing', action: 'opt_out', source: 'whatsapp_user_preferences' }),
    ]);
    const history = await allMessages(id);
    expect(history.map((m) => m.direction)).toEqual(['in', 'out', 'out']);
    expect(textOf({ history })).toContain('Please follow up');
    expect((await conversations(rt, id)).map((c) => c.sessionId)).toEqual([before?.sessionId]);
  });

  it('lets the next message from the new identity continue the same conversation', async () => {
    await rt.publish(readExample('welcome.json'));
    const phone = '4915112390002';
    await rt.customer.sendText(phone, 'hi');
    await waitFor('the welcome', () => rt.received(phone).length >= 2);
    const [before] = await conversations(rt, phone);
    const changed = await change(phone);
    const id = newId(changed);
    const to = phoneAfter(changed, phone);
    const sentBefore = sendsTo(rt, phone).length;
    await rt.customer.tapButton(to, 'test_ride', 'Book a test ride');
    await waitFor('the reply', () => rt.received(to).some((body) => textOf(body).includes('Test rides are free')));
    expect((await conversations(rt, id)).map((c) => c.sessionId)).toEqual([before?.sessionId]);
    // The replies went to the phone the customer has now.
    expect(sendsTo(rt, to).length).toBeGreaterThan(to === phone ? sentBefore : 0);
    if (to !== phone) expect(sendsTo(rt, phone)).toHaveLength(sentBefore);
  });
});
