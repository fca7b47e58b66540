import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RuntimeUnderTest, readExample, startRuntimeUnderTest, textOf, waitFor } from './runtime-under-test.ts';

let rt: RuntimeUnderTest;

beforeEach(async () => {
  rt = await startRuntimeUnderTest();
});

afterEach(async () => {
  await rt.close();
});

/** Waits until the customer has received `count` messages and returns the newest ones as text. */
async function receivedUpTo(phone: string, count: number): Promise<string[]> {
  await waitFor(`${count} messages to ${phone}`, () => rt.received(phone).length >= count);
  return rt.received(phone).map(textOf);
}

describe('the example flows, played through the simulator', () => {
  it('welcome: a commuter with a big budget is offered e-bikes', async () => {
    await rt.publish(readExample('welcome.json'));
    const phone = '15550001111';
    await rt.customer.sendText(phone, 'Hi!');
    expect((await receivedUpTo(phone, 2))[1]).toContain('Welcome to Acme Bikes!');
    await rt.customer.tapButton(phone, 'find_bike', 'Find a bike');
    expect((await receivedUpTo(phone, 3))[2]).toContain("What's your first name?");
    await rt.customer.sendText(phone, 'Maria');
    expect((await receivedUpTo(phone, 4))[3]).toContain('Thanks Maria');
    await rt.customer.sendText(phone, '1800');
    expect((await receivedUpTo(phone, 5))[4]).toContain('"type":"list"');
    await rt.customer.pickListRow(phone, 'commute', 'Commuting');
    const all = await receivedUpTo(phone, 7);
    expect(all[5]).toContain('https://example.com/bikes/e-bikes');
    expect(all[6]).toContain('Thanks for chatting with Acme Bikes');
    expect(all).toHaveLength(7);

    const conversations = await (await rt.api(`/contacts/${phone}/conversations`)).json();
    expect(conversations.conversations).toEqual([
      expect.objectContaining({ flowId: 'welcome', flowVersion: 1, status: 'ended' }),
    ]);
    const { messages } = await (await rt.api(`/contacts/${phone}/messages`)).json();
    expect(messages.filter((m: { direction: string }) => m.direction === 'in')).toHaveLength(5);
    expect(messages.filter((m: { direction: string }) => m.direction === 'out')).toHaveLength(7);
  });

  it('support triage: a customer who is moving gets the link, then says goodbye', async () => {
    await rt.publish(readExample('support-triage.json'));
    const phone = '15550002222';
    await rt.customer.sendText(phone, 'hello', { name: 'Sam' });
    const first = await receivedUpTo(phone, 3);
    expect(first[0]).toContain('automated assistant');
    expect(first[1]).toContain('Hi Sam!');
    expect(first[2]).toContain('Choose a topic');
    await rt.customer.pickListRow(phone, 'moving', 'Moving house');
    const moving = await receivedUpTo(phone, 5);
    expect(moving[3]).toContain('https://internet.example.com/move');
    expect(moving[4]).toContain('Is there anything else I can help you with?');
    await rt.customer.tapButton(phone, 'done', "No, that's all");
    expect((await receivedUpTo(phone, 6))[5]).toContain('Thanks for contacting Acme Internet');
  });

  it('support triage: the outage keyword goes straight to the status page', async () => {
    await rt.publish(readExample('support-triage.json'));
    const phone = '15550003333';
    await rt.customer.sendText(phone, 'my internet down since noon');
    const all = await receivedUpTo(phone, 2);
    expect(all.some((body) => body.includes('https://status.example.com'))).toBe(true);
  });

  it('support triage: with no AI provider configured, a free question goes to a person', async () => {
    await rt.publish(readExample('support-triage.json'));
    const phone = '15550003344';
    await rt.customer.sendText(phone, 'hello');
    await receivedUpTo(phone, 3);
    await rt.customer.sendText(phone, 'How do I reset my router password?');
    const all = await receivedUpTo(phone, 4);
    expect(all[3]).toContain("I'm passing you to our support team");
    const { conversations } = await (await rt.api(`/contacts/${phone}/conversations`)).json();
    expect(conversations[0].status).toBe('handoff');
  });

  it('order journey: business events send templates, and a quick reply continues in the window', async () => {
    await rt.publish(readExample('order-journey.json'));
    const phone = '4915112345678';
    const confirmed = await rt.api('/events/order_confirmed', {
      method: 'POST',
      body: JSON.stringify({ contact: { phone: `+${phone}`, name: 'Lea' }, data: { order_id: 'A-1001' } }),
    });
    expect(confirmed.status).toBe(202);
    const first = await receivedUpTo(phone, 1);
    expect(first[0]).toContain('"name":"order_confirmation"');
    expect(first[0]).toContain('A-1001');

    await rt.api('/events/order_shipped', {
      method: 'POST',
      body: JSON.stringify({ contact: { phone }, data: { order_id: 'A-1001', carrier: 'DHL' } }),
    });
    expect((await receivedUpTo(phone, 2))[1]).toContain('"name":"shipping_update"');
    await rt.customer.tapTemplateButton(phone, 'where_is_my_order', 'Where is my order?');
    const tracking = await receivedUpTo(phone, 3);
    expect(tracking[2]).toContain('Order A-1001 left our warehouse');
    expect(rt.simulator.customer.received(phone).every((m) => m.status !== 'failed')).toBe(true);
  });
});
