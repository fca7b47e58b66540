import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  conversations,
  failNext,
  postEvent,
  queryDatabase,
  sendsTo,
  templatesReceived,
  visits,
  WAYS,
} from './both-ways.ts';
import { type RuntimeUnderTest, readFixture, startRuntimeUnderTest, textOf, waitFor } from './runtime-under-test.ts';

/**
 * 131049: Meta's per-user marketing limit held a marketing template. It is
 * never retried at once: the next attempt waits an hour, the one after two
 * hours, and so on; the flow stays where it is, told by a notice only.
 */
let rt: RuntimeUnderTest;
beforeEach(async () => {
  rt = await startRuntimeUnderTest();
  await rt.publish(readFixture('notify.json'));
});
afterEach(async () => {
  await rt.close();
});

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The notices the flow recorded for Meta's marketing limit (no API lists notices). */
function limitNotices(): number {
  return queryDatabase(
    rt,
    "select id from analytics_events where type = 'notice' and data like '%send.marketing_limited%'",
  ).length;
}

/** Waits until the runtime holds the contact's marketing template after `attempts` tries. */
async function heldAfter(attempts: number) {
  await waitFor(`the template to be held after attempt ${attempts}`, () =>
    queryDatabase(
      rt,
      `select id from outbox where pricing = 'marketing' and state = 'pending' and error_code = 131049 and attempts = ${attempts}`,
    ).length === 1
      ? true
      : undefined,
  );
}

describe.each(WAYS)('131049 reported %s', (way) => {
  it('holds the template an hour, then two hours, and tells the flow once without moving it', async () => {
    const phone = '4915112360001';
    failNext(rt, way, phone, 131049, { count: 2, match: 'marketing' });
    await postEvent(rt, 'promo', phone);
    await heldAfter(1);
    expect(sendsTo(rt, phone, 'spring_sale')).toHaveLength(1);
    // The flow was told with a notice and stays where it was: waiting after the template, no not_sent path.
    expect(limitNotices()).toBe(1);
    const [conversation] = await conversations(rt, phone);
    expect(conversation?.status).toBe('waiting');
    expect(Object.keys(await visits(rt, 'notify')).filter((node) => node.startsWith('told_'))).toEqual([]);

    await rt.advance(59 * MINUTE);
    expect(sendsTo(rt, phone, 'spring_sale')).toHaveLength(1);
    await rt.advance(2 * MINUTE);
    await heldAfter(2);
    expect(sendsTo(rt, phone, 'spring_sale')).toHaveLength(2);

    // Held again: twice as long this time.
    await rt.advance(HOUR + 58 * MINUTE);
    expect(sendsTo(rt, phone, 'spring_sale')).toHaveLength(2);
    await rt.advance(3 * MINUTE);
    await waitFor('the template after the second hold', () => templatesReceived(rt, phone).includes('spring_sale'));
    expect(sendsTo(rt, phone, 'spring_sale')).toHaveLength(3);
    const [first, second, third] = sendsTo(rt, phone, 'spring_sale').map((request) => request.at);
    expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(HOUR);
    expect((third ?? 0) - (second ?? 0)).toBeGreaterThanOrEqual(2 * HOUR);
    // Told once per message, however often it is held.
    expect(limitNotices()).toBe(1);
    // Delivered at last: the next hold starts short again.
    await waitFor('the holds to be forgotten', () =>
      queryDatabase(rt, 'select key from contacts where marketing_holds = 0').length === 1 ? true : undefined,
    );
  });

  it('holds up nothing else: other templates, the reply, and marketing inside the window go at once', async () => {
    await rt.publish(readFixture('follow-up.json'));
    const phone = '4915112360002';
    failNext(rt, way, phone, 131049, { match: 'marketing' });
    await postEvent(rt, 'promo', phone);
    await heldAfter(1);
    // Only marketing is limited: a login code queued behind the held offer goes now.
    await postEvent(rt, 'code', phone);
    await waitFor('the login code', () => templatesReceived(rt, phone).includes('login_code'));

    await rt.advance(31 * MINUTE);
    // The customer writes: their reply goes, and marketing inside the window they opened does not count.
    await rt.customer.sendText(phone, 'Hi, any news?');
    await waitFor('the reply to the customer', () =>
      rt.received(phone).some((body) => textOf(body).includes('We will follow up')),
    );
    await postEvent(rt, 'promo', phone);
    await waitFor('the new offer inside the window', () => templatesReceived(rt, phone).includes('spring_sale'));
    expect(sendsTo(rt, phone, 'spring_sale')).toHaveLength(2);

    // The held offer itself still waits out its hour.
    await rt.advance(30 * MINUTE);
    await waitFor('the held offer after its hour', () => sendsTo(rt, phone, 'spring_sale').length === 3);
    await waitFor('both offers to arrive', () => templatesReceived(rt, phone).length === 3);
    expect(templatesReceived(rt, phone)).toEqual(['login_code', 'spring_sale', 'spring_sale']);
  });
});
