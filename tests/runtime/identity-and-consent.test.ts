import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outbound } from './both-ways.ts';
import { type RuntimeUnderTest, readExample, startRuntimeUnderTest, textOf, waitFor } from './runtime-under-test.ts';

let rt: RuntimeUnderTest;
beforeEach(async () => {
  rt = await startRuntimeUnderTest();
});
afterEach(async () => {
  await rt.close();
});

describe("WhatsApp's notices about a customer's identity", () => {
  it('a new number is not a message: no reply, and the running conversation continues from the new number', async () => {
    await rt.publish(readExample('welcome.json'));
    const before = '15550103001';
    const after = '15550103999';
    await rt.customer.sendText(before, 'hi');
    await waitFor('the welcome', () => rt.received(before).length >= 2);
    const sentBefore = (await outbound(rt, before)).length;

    const changed = await rt.customer.changeNumber(before, after);
    expect(changed.ok).toBe(true);
    await rt.advance(1_000);
    // The notice got no reply and opened no conversation.
    expect((await outbound(rt, after)).length).toBe(sentBefore);
    const { conversations } = await (await rt.api(`/contacts/${after}/conversations`)).json();
    expect(conversations).toHaveLength(1);

    await rt.customer.tapButton(after, 'test_ride', 'Book a test ride');
    await waitFor('the reply at the new number', () =>
      rt.received(after).some((body) => textOf(body).includes('Test rides are free')),
    );
    const again = await (await rt.api(`/contacts/${after}/conversations`)).json();
    expect(again.conversations).toHaveLength(1);
  });
});

describe('consent by category', () => {
  it('a marketing stop in WhatsApp is recorded for marketing only; utility updates still go', async () => {
    await rt.publish(readExample('order-journey.json'));
    const phone = '4915112340009';
    await rt.customer.setMarketingPreference(phone, 'stop');
    const consents = await waitFor('the stop to be recorded', async () => {
      const body = await (await rt.api(`/contacts/${phone}/consents`)).json();
      return body.consents.length > 0 ? body.consents : undefined;
    });
    expect(consents).toEqual([
      expect.objectContaining({ category: 'marketing', action: 'opt_out', source: 'whatsapp_user_preferences' }),
    ]);
    await rt.api('/events/order_confirmed', {
      method: 'POST',
      body: JSON.stringify({ contact: { phone }, data: { order_id: 'A-5005' } }),
    });
    await waitFor('the utility confirmation', () =>
      rt.received(phone).some((body) => textOf(body).includes('order_confirmation')),
    );
  });
});

describe('the window', () => {
  it("opens at the customer's own timestamp, not when the runtime got to the message", async () => {
    await rt.publish(readExample('welcome.json'));
    const phone = '15550103002';
    // The runtime's clock runs an hour ahead of the moment the customer wrote (a backlog, a redelivery).
    rt.clock.advance(3_600_000);
    await rt.customer.sendText(phone, 'hi');
    const inbound = await waitFor('the message in the log', async () => {
      const { messages } = await (await rt.api(`/contacts/${phone}/messages`)).json();
      return messages.find((m: { direction: string }) => m.direction === 'in');
    });
    expect(rt.clock.now() - inbound.at).toBeGreaterThanOrEqual(3_599_000);
  });
});
