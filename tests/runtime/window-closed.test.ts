import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failNext, postText, sendsTo, templatesReceived, visits, WAYS } from './both-ways.ts';
import { type RuntimeUnderTest, readFixture, startRuntimeUnderTest, textOf, waitFor } from './runtime-under-test.ts';

/**
 * follow-up.json acknowledges a message, then follows up with a free-form text
 * that has no template fallback; its `window_closed` path sends a template.
 */
let rt: RuntimeUnderTest;
beforeEach(async () => {
  rt = await startRuntimeUnderTest();
});
afterEach(async () => {
  await rt.close();
});

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const FOLLOW_UP = 'Following up: your appointment is today.';

function followUpAfter(amount: number, unit: 'minutes' | 'hours') {
  const flow = readFixture('follow-up.json');
  const nodes = Array.isArray(flow.nodes) ? flow.nodes : [];
  for (const node of nodes) if (node.id === 'wait') Object.assign(node, { amount, unit });
  return flow;
}

const followedUp = (phone: string) => rt.received(phone).some((body) => textOf(body).includes(FOLLOW_UP));

describe.each(WAYS)('131047 reported %s for a text without a template fallback', (way) => {
  it("follows the text's window_closed path, and never sends the text again", async () => {
    await rt.publish(followUpAfter(1, 'hours'));
    const phone = '15550104001';
    await rt.customer.sendText(phone, 'Please follow up');
    await waitFor('the acknowledgement', () => rt.received(phone).length >= 1);
    // The runtime still sees the window open an hour later; Meta says it is closed.
    failNext(rt, way, phone, 131047, { match: 'session' });
    await rt.advance(HOUR);
    await waitFor('the template of the window_closed path', () => templatesReceived(rt, phone).length > 0);
    expect(templatesReceived(rt, phone)).toEqual(['appointment_today']);
    expect(followedUp(phone)).toBe(false);
    await rt.advance(HOUR);
    const attempts = sendsTo(rt, phone).filter((r) => JSON.stringify(r.body).includes(FOLLOW_UP));
    expect(attempts).toHaveLength(1);
    expect((await visits(rt, 'follow-up')).remind_tpl).toBe(1);
  });
});

describe("the window opens at the inbound message's own timestamp", () => {
  it.each([
    ['23 h 59 m', 'closes one minute later: the follow-up goes as a template', 23 * HOUR + 59 * MINUTE, true],
    ['23 h 57 m', 'is still open two minutes later: the follow-up goes as text', 23 * HOUR + 57 * MINUTE, false],
  ])('a message written %s ago opens a window that %s', async (_age, _outcome, age, closed) => {
    await rt.publish(followUpAfter(2, 'minutes'));
    const phone = '15550104002';
    const sentAt = rt.clock.now() - age;
    // The simulator's window is left wide open: whether the text goes is the runtime's own call.
    rt.customer.recordInbound(phone);
    expect(await postText(rt, phone, 'Please follow up', sentAt)).toBe(200);
    // Inside the last minute of the window: the acknowledgement still goes as text.
    await waitFor('the acknowledgement', () => rt.received(phone).length >= 1);
    expect(rt.received(phone)[0]).toMatchObject({ type: 'text' });

    await rt.advance(2 * MINUTE);
    await waitFor('the follow-up', () => rt.received(phone).length >= 2);
    expect(templatesReceived(rt, phone)).toEqual(closed ? ['appointment_today'] : []);
    expect(followedUp(phone)).toBe(!closed);
    const attempts = sendsTo(rt, phone).filter((r) => JSON.stringify(r.body).includes(FOLLOW_UP));
    expect(attempts).toHaveLength(closed ? 0 : 1);
  });
});
