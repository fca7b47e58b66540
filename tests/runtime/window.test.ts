import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RuntimeUnderTest, readFixture, startRuntimeUnderTest, textOf, waitFor } from './runtime-under-test.ts';

let rt: RuntimeUnderTest;

beforeEach(async () => {
  rt = await startRuntimeUnderTest();
  await rt.publish(readFixture('reminder.json'));
});

afterEach(async () => {
  await rt.close();
});

const HOUR = 3_600_000;

describe('the 24-hour window', () => {
  it('sends the template fallback instead of a free-form message 25 hours later', async () => {
    const phone = '15550004444';
    await rt.customer.sendText(phone, 'Please remind me');
    await waitFor('the confirmation', () => rt.received(phone).length >= 2);
    expect(textOf(rt.received(phone)[1] ?? {})).toContain('We will remind you tomorrow');

    await rt.advance(25 * HOUR);
    await waitFor('the reminder', () => rt.received(phone).length >= 3);
    const reminder = rt.received(phone)[2] ?? {};
    expect(reminder).toMatchObject({ type: 'template', template: { name: 'hello_world' } });
    expect(textOf(reminder)).not.toContain('Reminder: your service appointment');
    // Meta prices the template on its status webhooks; the runtime keeps the price with the message.
    const priced = await waitFor('the template to be priced', async () => {
      const { messages } = await (await rt.api(`/contacts/${phone}/messages`)).json();
      return messages.find(
        (m: { payload: { type?: string }; status: string }) => m.payload.type === 'template' && m.status === 'read',
      );
    });
    expect(priced).toMatchObject({ status: 'read', pricing: { category: 'utility', pricing_model: 'PMP' } });
  });

  it('sends the free-form reminder while the customer keeps the window open', async () => {
    const phone = '15550005555';
    await rt.customer.sendText(phone, 'Please remind me');
    await waitFor('the confirmation', () => rt.received(phone).length >= 2);
    await rt.advance(20 * HOUR);
    await rt.customer.sendText(phone, 'still there?');
    await rt.advance(5 * HOUR);
    await waitFor('the reminder', () => rt.received(phone).length >= 3);
    expect(rt.received(phone)[2]).toMatchObject({
      type: 'text',
      text: { body: 'Reminder: your service appointment is today.' },
    });
  });
});
