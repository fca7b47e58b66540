import { signWebhookBody } from '@parley/whatsapp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RuntimeUnderTest, readExample, startRuntimeUnderTest, textOf, waitFor } from './runtime-under-test.ts';

let rt: RuntimeUnderTest;

beforeEach(async () => {
  rt = await startRuntimeUnderTest();
  await rt.publish(readExample('welcome.json'));
});

afterEach(async () => {
  await rt.close();
});

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${rt.url}/webhooks/whatsapp`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  });

describe('inbound webhooks over HTTP', () => {
  it('has effect once when webhooks are duplicated and reordered', async () => {
    rt.simulator.faults.webhooks({ duplicateNext: 6, reorderNext: 6 });
    const phone = '15550006666';
    await rt.customer.sendText(phone, 'hi');
    await rt.customer.tapButton(phone, 'find_bike', 'Find a bike');
    await rt.simulator.webhooks.flush();
    await waitFor('the name question', () => rt.received(phone).some((b) => textOf(b).includes('first name')));
    await rt.customer.sendText(phone, 'Maria');
    await rt.simulator.webhooks.flush();
    await waitFor('the budget question', () => rt.received(phone).some((b) => textOf(b).includes('budget')));
    const sent = rt.received(phone).map(textOf);
    expect(new Set(sent).size).toBe(sent.length);
    expect(sent).toHaveLength(4);
    expect(rt.simulator.webhooks.log.some((delivery) => delivery.duplicate)).toBe(true);

    // Statuses arrived shuffled too, yet every message ends in its furthest state.
    await waitFor('every status to settle', async () => {
      const { messages } = await (await rt.api(`/contacts/${phone}/messages`)).json();
      const out = messages.filter((m: { direction: string }) => m.direction === 'out');
      return out.length === 4 && out.every((m: { status: string }) => m.status === 'read');
    });
  });

  it('answers the verification handshake with the raw challenge', async () => {
    const ok = await fetch(
      `${rt.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=e2e-verify&hub.challenge=987654`,
    );
    expect([ok.status, await ok.text()]).toEqual([200, '987654']);
    const wrong = await fetch(`${rt.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1`);
    expect(wrong.status).toBe(403);
  });

  it('refuses bad signatures, oversized and malformed bodies', async () => {
    const body = JSON.stringify({ object: 'whatsapp_business_account', entry: [] });
    expect((await post(body)).status).toBe(401);
    expect((await post(body, { 'x-hub-signature-256': signWebhookBody(body, 'not-the-secret') })).status).toBe(401);
    const big = JSON.stringify({ object: 'whatsapp_business_account', entry: [], pad: 'x'.repeat(4_300_000) });
    expect((await post(big, { 'x-hub-signature-256': signWebhookBody(big, 'e2e-app-secret') })).status).toBe(413);
    const broken = '{"object":"whatsapp_business_account","entry":[';
    expect((await post(broken, { 'x-hub-signature-256': signWebhookBody(broken, 'e2e-app-secret') })).status).toBe(400);
    expect((await fetch(`${rt.url}/healthz`)).status).toBe(200);
  });

  it('answers a message type it cannot read politely, then carries on', async () => {
    const phone = '15550007777';
    await rt.customer.sendUnsupported(phone);
    await waitFor('the polite reply', () => rt.received(phone).length >= 1);
    expect(textOf(rt.received(phone)[0] ?? {})).toContain('I can only read text and buttons here');
    await rt.customer.sendText(phone, 'hi');
    await waitFor('the greeting', () => rt.received(phone).some((b) => textOf(b).includes('Welcome to Acme Bikes')));
  });
});
