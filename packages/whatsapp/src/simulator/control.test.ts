import { afterEach, describe, expect, it } from 'vitest';
import { readFixture } from '../testing/fixtures.ts';
import { startWebhookReceiver } from '../testing/webhook-receiver.ts';
import { startSimulator } from './start-simulator.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function setup() {
  const receiver = await startWebhookReceiver('sim-app-secret');
  const running = await startSimulator({ port: 0, statusDelayMs: 1 });
  cleanups.push(receiver.close, running.close);
  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${running.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: 'Bearer sim-access-token' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return { receiver, running, call };
}

describe('driving an out-of-process simulator over /_sim', () => {
  it('points webhooks somewhere, sends as the customer, and reports the delivery', async () => {
    const { receiver, call } = await setup();
    expect((await call('PUT', '/_sim/webhook-url', { url: receiver.url })).status).toBe(200);
    const response = await call('POST', '/_sim/customers/+16505551234/messages', {
      type: 'text',
      text: 'hola',
      name: 'Ana',
    });
    expect(await response.json()).toMatchObject({
      customer: '16505551234',
      delivery: { outcome: 'delivered', attempts: 1 },
    });
    expect(receiver.received[0]?.valid).toBe(true);
  });

  it('refuses a malformed customer message with the field named', async () => {
    const { call } = await setup();
    const response = await call('POST', '/_sim/customers/16505551234/messages', { type: 'location', latitude: 99 });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('latitude');
  });

  it('shows what the bot sent, streams it, and lists requests by recipient', async () => {
    const { running, call } = await setup();
    await call('POST', '/_sim/customers/16505551234/messages', { type: 'text', text: 'hi' });
    const stream = await fetch(`${running.url}/_sim/customers/16505551234/stream`);
    const reader = stream.body?.getReader();
    await call('POST', '/v25.0/106540352242922/messages', readFixture('send-text.request.json'));
    let seen = '';
    while (reader && !seen.includes('event: message')) {
      const chunk = await reader.read();
      if (chunk.done) break;
      seen += new TextDecoder().decode(chunk.value);
    }
    await reader?.cancel();
    expect(seen).toContain('Your table for 2');
    const received = await (await call('GET', '/_sim/customers/16505551234/messages')).json();
    expect(received).toHaveLength(1);
    const requests = await (await call('GET', '/_sim/requests?recipient=%2B16505551234')).json();
    expect(requests).toHaveLength(1);
  });

  it('injects faults over HTTP', async () => {
    const { call } = await setup();
    expect((await call('POST', '/_sim/faults', { kind: 'error', code: 131016, count: 1 })).status).toBe(201);
    const failed = await call('POST', '/v25.0/106540352242922/messages', readFixture('send-text.request.json'));
    expect([failed.status, (await failed.json()).error.code]).toEqual([503, 131016]);
  });

  it('changes a template status and announces it by webhook', async () => {
    const { receiver, running, call } = await setup();
    running.simulator.webhooks.setUrl(receiver.url);
    const created = await (
      await call('POST', '/_sim/templates', {
        name: 'promo',
        language: 'en',
        category: 'MARKETING',
        components: [{ type: 'BODY', text: 'Hi' }],
      })
    ).json();
    await call('POST', `/_sim/templates/${created.id}/status`, { status: 'PAUSED' });
    await call('POST', '/_sim/idle');
    expect(receiver.received[0]?.json).toMatchObject({
      entry: [
        {
          changes: [
            { field: 'message_template_status_update', value: { event: 'PAUSED', message_template_name: 'promo' } },
          ],
        },
      ],
    });
  });
});
