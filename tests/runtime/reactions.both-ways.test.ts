import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failNext, outbound, WAYS } from './both-ways.ts';
import {
  type RuntimeUnderTest,
  readExample,
  readFixture,
  startRuntimeUnderTest,
  textOf,
  waitFor,
} from './runtime-under-test.ts';

/**
 * Meta reports most failures late (200 + wamid, then a `failed` status). Each
 * reaction here is checked both ways: the code in the send's answer, and the
 * same code in a late status, which must lead to the same outcome.
 */
let rt: RuntimeUnderTest;
beforeEach(async () => {
  rt = await startRuntimeUnderTest();
});
afterEach(async () => {
  await rt.close();
});

describe.each(WAYS)('a Cloud API error reported %s', (way) => {
  it('131047: a text whose window Meta says is closed goes as its template fallback', async () => {
    // The runtime still thinks the window is open an hour later; Meta disagrees.
    const flow = readFixture('reminder.json');
    const nodes = Array.isArray(flow.nodes) ? flow.nodes : [];
    for (const node of nodes) if (node.id === 'wait') node.amount = 1;
    await rt.publish(flow);
    const phone = '15550101001';
    await rt.customer.sendText(phone, 'Please remind me');
    await waitFor('the confirmation', () => rt.received(phone).length >= 2);
    failNext(rt, way, phone, 131047, { match: 'session' });
    await rt.advance(3_600_000);
    await waitFor('the fallback template', async () => {
      await rt.advance(500);
      return rt.received(phone).some((body) => body.type === 'template');
    });
    const last = rt.received(phone).at(-1) ?? {};
    expect(last).toMatchObject({ type: 'template', template: { name: 'hello_world' } });
    expect(rt.received(phone).map(textOf).join()).not.toContain('Reminder: your service appointment');
  });

  it('131026: the contact is marked undeliverable and the rest of the turn is not sent', async () => {
    await rt.publish(readExample('welcome.json'));
    const phone = '15550101002';
    failNext(rt, way, phone, 131026);
    await rt.customer.sendText(phone, 'hi');
    const out = await waitFor('the failure to be recorded', async () => {
      const messages = await outbound(rt, phone);
      return messages.some((m) => m.status === 'failed') && messages.length >= 2 ? messages : undefined;
    });
    if (way === 'immediate') {
      // Known at once: the rest of the turn is not sent to a number WhatsApp cannot reach.
      expect(out.map((m) => m.status)).toEqual(['failed', 'not_sent']);
      expect(rt.received(phone)).toEqual([]);
    } else {
      // Known only later: what left meanwhile stays sent, and the failed one is never sent again.
      await rt.advance(60_000);
      expect(rt.received(phone)).toHaveLength(1);
      expect(out[0]?.status).toBe('failed');
    }
    // Writing again makes the customer reachable again.
    await rt.customer.sendText(phone, 'hello?');
    await waitFor('a reply once they write again', () => rt.received(phone).length >= 1);
  });

  it('131030: a recipient a test number may not message is given up alone; nobody else waits', async () => {
    await rt.publish(readExample('welcome.json'));
    const blocked = '15550101003';
    const other = '15550101004';
    failNext(rt, way, blocked, 131030);
    await rt.customer.sendText(blocked, 'hi');
    await rt.customer.sendText(other, 'hi');
    await waitFor('the other customer’s welcome', () => rt.received(other).length >= 2);
    await waitFor('the blocked customer’s messages to end', async () =>
      (await outbound(rt, blocked)).some((m) => m.status === 'failed'),
    );
    const health = await fetch(`${rt.url}/healthz`);
    expect(health.status).toBe(200);
    // The failed message is never retried; with an immediate answer nothing after it leaves either.
    await rt.advance(60_000);
    expect(rt.received(blocked)).toHaveLength(way === 'immediate' ? 0 : 1);
  });

  it.each([190, 368, 131031, 131042])(
    '%i: sending pauses for everyone until a person resumes it, then the message goes once',
    async (code) => {
      await rt.publish(readExample('welcome.json'));
      const phone = '15550101005';
      failNext(rt, way, phone, code);
      await rt.customer.sendText(phone, 'hi');
      await waitFor('the sender to pause', async () => (await fetch(`${rt.url}/healthz`)).status === 503);
      const health = await (await fetch(`${rt.url}/healthz`)).json();
      expect(health.sender).toMatchObject({ paused: true, reason: expect.stringContaining(String(code)) });
      const before = rt.received(phone).length;
      await rt.advance(5_000);
      expect(rt.received(phone).length).toBe(before);
      expect((await rt.api('/sender/resume', { method: 'POST' })).status).toBeLessThan(300);
      await waitFor('the welcome after resuming', () => rt.received(phone).length >= 2);
      const keys = rt.received(phone).map((body) => body.biz_opaque_callback_data);
      expect(new Set(keys).size).toBe(keys.length);
    },
  );

  it('131050: records an opt-out of marketing only; utility templates still reach the customer', async () => {
    await rt.publish(readExample('order-journey.json'));
    const phone = '4915112340001';
    const event = (name: string) =>
      rt.api(`/events/${name}`, {
        method: 'POST',
        body: JSON.stringify({ contact: { phone }, data: { order_id: 'A-2002', carrier: 'DHL' } }),
      });
    failNext(rt, way, phone, 131050);
    expect((await event('order_confirmed')).status).toBe(202);
    const consents = await waitFor('the opt-out to be recorded', async () => {
      const body = await (await rt.api(`/contacts/${phone}/consents`)).json();
      return body.consents.length > 0 ? body.consents : undefined;
    });
    expect(consents).toEqual([
      expect.objectContaining({ category: 'marketing', action: 'opt_out', source: 'whatsapp_error:131050' }),
    ]);
    await event('order_shipped');
    await waitFor('the shipping update', () =>
      rt.received(phone).some((body) => textOf(body).includes('"name":"shipping_update"')),
    );
  });

  it.each([
    ['follows its not_sent path', true, 'completed'],
    ['ends as template unavailable, never as a closed window', false, 'template_unavailable'],
  ])('132015: a paused template %s', async (_name, drawn, endedReason) => {
    const flow = readExample('order-journey.json');
    if (drawn && Array.isArray(flow.nodes) && Array.isArray(flow.edges)) {
      flow.nodes.push({ id: 'gave-up', kind: 'end', position: { x: 400, y: 0 } });
      flow.edges.push({ id: 'e-not-sent', from: { node: 'shipped', port: 'not_sent' }, to: { node: 'gave-up' } });
    }
    await rt.publish(flow);
    const phone = '4915112340002';
    failNext(rt, way, phone, 132015);
    // The shipping update waits for a quick reply, so the conversation is still running when Meta answers.
    await rt.api('/events/order_shipped', {
      method: 'POST',
      body: JSON.stringify({ contact: { phone }, data: { order_id: 'A-3003', carrier: 'DHL' } }),
    });
    const ended = await waitFor('the conversation to end', async () => {
      const { conversations } = await (await rt.api(`/contacts/${phone}/conversations`)).json();
      return conversations.find((c: { status: string }) => c.status === 'ended');
    });
    expect(ended.endedReason).toBe(endedReason);
    expect(rt.received(phone)).toEqual([]);
  });

  it.each([131051, 131053])('%i: the message fails for good and is never sent again', async (code) => {
    await rt.publish(readExample('welcome.json'));
    const phone = '15550101006';
    failNext(rt, way, phone, code);
    await rt.customer.sendText(phone, 'hi');
    await waitFor('the failure to be recorded', async () => {
      const { messages } = await (await rt.api(`/contacts/${phone}/messages`)).json();
      return messages.some((m: { status: string }) => m.status === 'failed');
    });
    await waitFor('the rest of the turn', () => rt.received(phone).length >= 1);
    await rt.advance(120_000);
    // The disclosure failed; only the welcome after it arrived, and nothing was resent.
    expect(rt.received(phone)).toHaveLength(1);
    expect(textOf(rt.received(phone)[0] ?? {})).toContain('Welcome to Acme Bikes');
  });
});
