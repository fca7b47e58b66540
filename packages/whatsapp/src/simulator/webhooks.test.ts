import { afterEach, describe, expect, it } from 'vitest';
import { createGraphClient } from '../client/graph-client.ts';
import { listWebhookEvents, type WebhookEvent } from '../schemas/inbound/events.ts';
import { parseWebhook } from '../schemas/inbound/webhook.ts';
import { OutboundMessage } from '../schemas/outbound/message.ts';
import { editableFixture, readFixture } from '../testing/fixtures.ts';
import { FIXTURE_TEMPLATES } from '../testing/seed-templates.ts';
import { startWebhookReceiver } from '../testing/webhook-receiver.ts';
import type { SimulatorOptions } from './options.ts';
import { startSimulator } from './start-simulator.ts';

const SECRET = 'test-app-secret';
const CUSTOMER = '16505551234';
const HOUR = 60 * 60 * 1000;
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A receiver, a simulator posting to it, and a client pointed at the simulator. */
async function setup(options: SimulatorOptions = {}, answer?: (n: number) => number) {
  const receiver = await startWebhookReceiver(SECRET, answer);
  const running = await startSimulator({
    port: 0,
    appSecret: SECRET,
    webhookUrl: receiver.url,
    templates: FIXTURE_TEMPLATES,
    statusDelayMs: 1,
    clock: { now: () => Date.UTC(2026, 10, 1, 9) },
    ...options,
  });
  cleanups.push(receiver.close, running.close);
  const client = createGraphClient({
    baseUrl: running.url,
    accessToken: 'sim-access-token',
    phoneNumberId: '106540352242922',
  });
  const events = (): WebhookEvent[] =>
    receiver.received.flatMap((w) => {
      const parsed = parseWebhook(w.json);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
      return listWebhookEvents(parsed.value);
    });
  const statuses = () => events().flatMap((e) => (e.kind === 'status' ? [e.status] : []));
  return { receiver, sim: running.simulator, client, events, statuses };
}

const text = (body?: string) => {
  const message = editableFixture('send-text.request.json');
  if (body !== undefined) message.text.body = body;
  return OutboundMessage.parse(message);
};

describe('inbound webhooks from the simulated customer', () => {
  it('are signed over the exact bytes, with non-ASCII escaped as \\uXXXX', async () => {
    const { receiver, sim, events } = await setup();
    const result = await sim.customer.sendText(CUSTOMER, 'Grüße 👋', { name: 'Zoë' });
    expect(result.delivery.outcome).toBe('delivered');
    const [webhook] = receiver.received;
    expect(webhook?.valid).toBe(true);
    expect(webhook?.raw).toContain('Gr\\u00fc\\u00dfe \\ud83d\\udc4b');
    expect([...(webhook?.raw ?? '')].some((char) => char.charCodeAt(0) > 127)).toBe(false);
    const [event] = events();
    expect(event?.kind === 'message' && event.message.text?.body).toBe('Grüße 👋');
    expect(event?.kind === 'message' && event.contact?.profile?.name).toBe('Zoë');
  });

  it.each([
    ['tapButton', 'interactive', (s: Sim) => s.customer.tapButton(CUSTOMER, 'appt:confirm', 'Confirm')],
    ['pickListRow', 'interactive', (s: Sim) => s.customer.pickListRow(CUSTOMER, 'ship:express', 'Express')],
    ['tapTemplateButton', 'button', (s: Sim) => s.customer.tapTemplateButton(CUSTOMER, 'order:1001:help', 'Need help')],
    ['shareLocation', 'location', (s: Sim) => s.customer.shareLocation(CUSTOMER, { latitude: 52.5, longitude: 13.4 })],
    ['sendMedia', 'image', (s: Sim) => s.customer.sendMedia(CUSTOMER, { kind: 'image', caption: 'look' })],
    ['sendUnsupported', 'unsupported', (s: Sim) => s.customer.sendUnsupported(CUSTOMER)],
    ['sendReaction', 'reaction', (s: Sim) => s.customer.sendReaction(CUSTOMER, 'wamid.X', '👍')],
  ])('%s arrives as a %s message that parses', async (_name, type, act) => {
    const { sim, events } = await setup();
    await act(sim);
    const [event] = events();
    expect(event?.kind === 'message' && event.message.type).toBe(type);
  });

  it('quotes the message that carried the tapped button', async () => {
    const { sim, client, events } = await setup();
    await sim.customer.sendText(CUSTOMER, 'hi');
    const sent = await client.sendMessage(OutboundMessage.parse(readFixture('send-interactive-buttons.request.json')));
    await sim.customer.tapButton(CUSTOMER, 'appt:confirm', 'Confirm');
    const tap = events().findLast((e) => e.kind === 'message');
    expect(tap?.kind === 'message' && tap.message.context?.id).toBe(sent.ok ? sent.body.messages[0]?.id : 'none');
  });

  it('can come from a username customer with a BSUID and no phone', async () => {
    const { sim, events } = await setup();
    await sim.customer.sendText('US.777000111', 'hello', { username: '@sheena' });
    const [event] = events();
    expect(event?.kind === 'message' && [event.message.from, event.message.from_user_id]).toEqual([
      undefined,
      'US.777000111',
    ]);
  });
});

/** A deterministic `random` that walks through `values`, repeating the last. */
function sequence(values: number[]) {
  let index = 0;
  return () => values[Math.min(index++, values.length - 1)] ?? 0;
}

type Sim = Awaited<ReturnType<typeof setup>>['sim'];

describe('status webhooks', () => {
  it('go sent → delivered → read, echo biz_opaque_callback_data, price sent and delivered, v24 shape', async () => {
    const { sim, client, statuses } = await setup();
    await sim.customer.sendText(CUSTOMER, 'hi');
    const reply = OutboundMessage.parse(readFixture('send-text-reply-context.request.json'));
    const sent = await client.sendMessage(reply);
    await sim.idle();
    const all = statuses();
    expect(all.map((s) => s.status)).toEqual(['sent', 'delivered', 'read']);
    expect(all.every((s) => s.id === (sent.ok && sent.body.messages[0]?.id))).toBe(true);
    expect(all.every((s) => s.biz_opaque_callback_data === 'flow=booking;node=n42')).toBe(true);
    expect(all.map((s) => s.pricing?.category)).toEqual(['service', 'service', undefined]);
    expect(all.some((s) => s.conversation)).toBe(false);
    expect(sim.customer.received(CUSTOMER)[0]?.status).toBe('read');
  });

  it('carry a conversation in the v23 shape', async () => {
    const { sim, client, statuses } = await setup({ webhookShape: 'v23' });
    await sim.customer.sendText(CUSTOMER, 'hi');
    await client.sendMessage(text());
    await sim.idle();
    expect(statuses().every((s) => s.conversation?.id)).toBe(true);
  });

  it('name a BSUID recipient by recipient_user_id', async () => {
    const { sim, client, statuses } = await setup();
    await sim.customer.sendText('US.13491208655302741918', 'hi');
    await client.sendMessage(OutboundMessage.parse(readFixture('send-text-to-bsuid.request.json')));
    await sim.idle();
    const [first] = statuses();
    expect([first?.recipient_user_id, first?.recipient_id]).toEqual(['US.13491208655302741918', undefined]);
  });
});

describe('the 24-hour customer service window', () => {
  it('accepts a free-form send 25 h after the last message, then fails it with 131047 by webhook', async () => {
    const { sim, client, statuses } = await setup();
    await sim.customer.sendText(CUSTOMER, 'hi');
    sim.clock.advance(25 * HOUR);
    const result = await client.sendMessage(text('are you still there?'));
    expect(result.ok).toBe(true);
    await sim.idle();
    const [failed] = statuses();
    expect(failed?.status).toBe('failed');
    expect(failed?.id).toBe(result.ok ? result.body.messages[0]?.id : 'none');
    expect(failed?.errors?.[0]?.code).toBe(131047);
    expect(sim.customer.received(CUSTOMER)).toEqual([]);
  });

  it('still delivers a template outside the window', async () => {
    const { sim, client, statuses } = await setup();
    sim.clock.advance(25 * HOUR);
    const result = await client.sendMessage(
      OutboundMessage.parse(readFixture('send-template-positional.request.json')),
    );
    expect(result.ok).toBe(true);
    await sim.idle();
    expect(statuses().map((s) => [s.status, s.pricing?.category])).toEqual([
      ['sent', 'utility'],
      ['delivered', 'utility'],
      ['read', undefined],
    ]);
  });

  it('can be opened without a webhook, for load generators', async () => {
    const { receiver, sim, client, statuses } = await setup();
    sim.customer.recordInbound('16505551234');
    expect(receiver.received).toHaveLength(0);
    await client.sendMessage(text());
    await sim.idle();
    expect(statuses()[0]?.status).toBe('sent');
  });

  it('is reopened by a new customer message', async () => {
    const { sim, client, statuses } = await setup();
    await sim.customer.sendText(CUSTOMER, 'hi');
    sim.clock.advance(30 * HOUR);
    await sim.customer.sendText(CUSTOMER, 'me again');
    await client.sendMessage(text());
    await sim.idle();
    expect(statuses().map((s) => s.status)).toEqual(['sent', 'delivered', 'read']);
  });
});

describe('webhook delivery', () => {
  it('retries failed deliveries with backoff until one answers 200', async () => {
    const { receiver, sim } = await setup({ webhookRetry: { maxAttempts: 4, baseDelayMs: 5 } }, (n) =>
      n <= 2 ? 500 : 200,
    );
    const result = await sim.customer.sendText(CUSTOMER, 'hi');
    expect([result.delivery.outcome, result.delivery.attempts]).toEqual(['delivered', 3]);
    expect(receiver.received).toHaveLength(1);
  });

  it('gives up after the bounded number of attempts', async () => {
    const { receiver, sim } = await setup({ webhookRetry: { maxAttempts: 3, baseDelayMs: 1 } }, () => 503);
    const result = await sim.customer.sendText(CUSTOMER, 'hi');
    expect([result.delivery.outcome, result.delivery.attempts, receiver.posts()]).toEqual(['failed', 3, 3]);
  });

  it('abandons pending retries on close instead of keeping the process alive', async () => {
    const { sim } = await setup({ webhookRetry: { maxAttempts: 5, baseDelayMs: 60_000 } }, () => 500);
    const pending = sim.customer.sendText(CUSTOMER, 'hi');
    while (sim.webhooks.log[0]?.attempts !== 1 || sim.webhooks.log[0]?.lastHttpStatus === undefined) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    sim.close();
    const result = await pending;
    expect([result.delivery.outcome, result.delivery.attempts]).toEqual(['failed', 1]);
    await sim.idle();
  });

  it('duplicates the next webhook on demand, with the same bytes and signature', async () => {
    const { receiver, sim } = await setup();
    sim.faults.webhooks({ duplicateNext: 1 });
    await sim.customer.sendText(CUSTOMER, 'hi');
    await sim.idle();
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[0]?.raw).toBe(receiver.received[1]?.raw);
    expect(receiver.received.every((w) => w.valid)).toBe(true);
  });

  it('reorders the next webhook behind the following one', async () => {
    const { sim, client, statuses } = await setup({ customersRead: false });
    await sim.customer.sendText(CUSTOMER, 'hi');
    sim.faults.webhooks({ reorderNext: 1 });
    await client.sendMessage(text());
    await sim.idle();
    expect(statuses().map((s) => s.status)).toEqual(['delivered', 'sent']);
  });

  it('duplicates by probability when chaos is configured', async () => {
    const { receiver, sim } = await setup({ webhookChaos: { duplicate: 0.5 }, random: sequence([0.1, 0.9]) });
    await sim.customer.sendText(CUSTOMER, 'first');
    await sim.customer.sendText(CUSTOMER, 'second');
    await sim.idle();
    const bodies = receiver.received.map((w) => JSON.stringify(w.json).includes('first'));
    expect(bodies).toEqual([true, true, false]);
  });

  it('drops webhooks on demand', async () => {
    const { receiver, sim } = await setup();
    sim.faults.webhooks({ dropNext: 1 });
    const dropped = await sim.customer.sendText(CUSTOMER, 'lost');
    await sim.customer.sendText(CUSTOMER, 'kept');
    expect(dropped.delivery.outcome).toBe('dropped');
    expect(receiver.received).toHaveLength(1);
  });
});
