import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failNext, WAYS, type Way } from './both-ways.ts';
import { type RuntimeUnderTest, readExample, startRuntimeUnderTest, textOf, waitFor } from './runtime-under-test.ts';

/** Retries that wait: each checked with the code in the send's answer and in a late `failed` status. */
const HOUR = 3_600_000;

let rt: RuntimeUnderTest;
beforeEach(async () => {
  rt = await startRuntimeUnderTest();
});
afterEach(async () => {
  await rt.close();
});

/** Waits until the runtime has taken Meta's answer in: the sender logs an immediate one, the log shows a late one. */
async function saidSo(way: Way, phone: string, code: number) {
  await waitFor(`the runtime to take ${code} in`, async () => {
    if (way === 'immediate') return rt.logs.some((line) => line.includes(`: ${code} `));
    const { messages } = await (await rt.api(`/contacts/${phone}/messages`)).json();
    return messages.some((m: { status: string }) => m.status === 'failed');
  });
}

describe.each(WAYS)('a Cloud API error reported %s', (way) => {
  it("131049: Meta's per-user limit holds the message for an hour, never retried at once", async () => {
    await rt.publish(readExample('order-journey.json'));
    const phone = '4915112340003';
    failNext(rt, way, phone, 131049);
    await rt.api('/events/order_confirmed', {
      method: 'POST',
      body: JSON.stringify({ contact: { phone }, data: { order_id: 'A-4004' } }),
    });
    await saidSo(way, phone, 131049);
    await rt.advance(HOUR / 2);
    expect(rt.received(phone)).toEqual([]);
    await rt.advance(HOUR / 2 + 1000);
    await waitFor('the confirmation after the hold', () =>
      rt.received(phone).some((body) => textOf(body).includes('order_confirmation')),
    );
    expect(rt.received(phone)).toHaveLength(1);
  });

  it('131056: only that customer waits, a few seconds; the others are not held up', async () => {
    await rt.publish(readExample('welcome.json'));
    const busy = '15550102001';
    const other = '15550102002';
    failNext(rt, way, busy, 131056);
    await rt.customer.sendText(busy, 'hi');
    await rt.customer.sendText(other, 'hi');
    await waitFor('the other customer’s welcome', () => rt.received(other).length >= 2);
    await waitFor('the busy customer’s welcome after backing off', async () => {
      await rt.advance(2_000);
      return rt.received(busy).length >= 2;
    });
    const keys = rt.received(busy).map((body) => body.biz_opaque_callback_data);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each([
    [130429, 'the number', 1_000],
    [80007, 'the account', 60_000],
    [4, 'the app', 60_000],
  ])('%i: every send waits while %s is over its rate, then the message goes once', async (code, _who, holdMs) => {
    await rt.publish(readExample('welcome.json'));
    const phone = '15550102003';
    const other = '15550102004';
    failNext(rt, way, phone, code);
    await rt.customer.sendText(phone, 'hi');
    await saidSo(way, phone, code);
    // While the hold lasts nobody is sent anything, not even another customer.
    const sentSoFar = rt.received(other).length;
    await rt.customer.sendText(other, 'hi');
    await rt.advance(holdMs / 4);
    expect(rt.received(other).length).toBe(sentSoFar);
    await waitFor('both welcomes after the hold', async () => {
      await rt.advance(holdMs);
      return rt.received(phone).length >= 2 && rt.received(other).length >= 2;
    });
    const keys = rt.received(phone).map((body) => body.biz_opaque_callback_data);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
