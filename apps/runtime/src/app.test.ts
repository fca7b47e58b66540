import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signWebhookBody } from '@parley/whatsapp';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contacts, inbox, outbox, sessions } from './db/schema.ts';
import { POLITE_REPLY } from './processor/processor.ts';
import { createHarness, type Harness, TEST_SECRET } from './testing/harness.ts';

const example = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, '../../../examples', name), 'utf8'));

let h: Harness;
const opened: Harness[] = [];

async function publish(harness: Harness, flow: unknown, id: string) {
  expect((await harness.api('/flows', { method: 'POST', body: JSON.stringify(flow) })).status).toBe(201);
  expect((await harness.api(`/flows/${id}/publish`, { method: 'POST' })).status).toBe(201);
}

const bodies = (harness: Harness) => harness.graph.sent.map((body) => JSON.stringify(body));

beforeEach(async () => {
  h = createHarness();
  opened.push(h);
  await publish(h, example('welcome.json'), 'welcome');
});

afterEach(async () => {
  for (const harness of opened.splice(0).reverse()) await harness.close();
});

describe('a conversation', () => {
  it('answers a customer through the published flow, disclosure first', async () => {
    expect((await h.customerWrites('wamid.in1', { type: 'text', text: { body: 'hi' } })).status).toBe(200);
    await h.parley.pump();
    expect(h.graph.sent).toHaveLength(2);
    expect(h.graph.sent[0]).toMatchObject({ to: '15551234567', type: 'text' });
    expect(h.graph.sent[1]).toMatchObject({ to: '15551234567', type: 'interactive' });
    expect(bodies(h)[1]).toContain('Find a bike');
    // Every send carries its idempotency key for status webhooks.
    expect(h.graph.sent.every((body) => typeof body.biz_opaque_callback_data === 'string')).toBe(true);
  });

  it('has effect once when the same webhook is delivered twice', async () => {
    await h.customerWrites('wamid.dup', { type: 'text', text: { body: 'hi' } });
    await h.customerWrites('wamid.dup', { type: 'text', text: { body: 'hi' } });
    await h.parley.pump();
    expect(h.database.db.select().from(inbox).all()).toHaveLength(1);
    expect(h.graph.sent).toHaveLength(2);
  });

  it('replies politely to a message type no flow can read, and keeps going', async () => {
    await h.customerWrites('wamid.c1', { type: 'contacts', contacts: [{ name: { formatted_name: 'Bob' } }] });
    await h.parley.pump();
    expect(bodies(h)).toEqual([expect.stringContaining(POLITE_REPLY.slice(0, 30))]);
    await h.customerWrites('wamid.c2', { type: 'text', text: { body: 'hi' } });
    await h.parley.pump();
    expect(bodies(h).at(-1)).toContain('Find a bike');
  });

  it('goes on from where it was after a restart on the same database, sending nothing twice', async () => {
    await h.customerWrites('wamid.r1', { type: 'text', text: { body: 'hi' } });
    await h.parley.pump();
    await h.parley.stop();
    const keysBefore = h.graph.sent.map((body) => body.biz_opaque_callback_data);

    const again = h.reopen();
    opened.push(again);
    again.parley.start();
    await again.customerWrites('wamid.r2', {
      type: 'interactive',
      interactive: { type: 'button_reply', button_reply: { id: 'find_bike', title: 'Find a bike' } },
    });
    await again.parley.pump();
    expect(bodies(again)).toEqual([expect.stringContaining("What's your first name?")]);
    const keysAfter = again.graph.sent.map((body) => body.biz_opaque_callback_data);
    expect(keysAfter.filter((key) => keysBefore.includes(key))).toEqual([]);
  });
});

describe('a crash between acknowledging and processing', () => {
  it('processes the acknowledged message after the restart', async () => {
    expect((await h.customerWrites('wamid.k1', { type: 'text', text: { body: 'hi' } })).status).toBe(200);
    // Killed right after the 200: the workers never ran.
    h.database.close();
    const again = h.reopen();
    opened.push(again);
    await again.parley.pump();
    expect(again.graph.sent).toHaveLength(2);
    expect(h.graph.sent).toHaveLength(0);
  });
});

describe('handoff', () => {
  it('leaves the conversation to a person until it is released', async () => {
    await h.customerWrites('wamid.h1', { type: 'text', text: { body: 'hi' } });
    await h.customerWrites('wamid.h2', {
      type: 'interactive',
      interactive: { type: 'button_reply', button_reply: { id: 'talk_person', title: 'Talk to a person' } },
    });
    await h.parley.pump();
    expect(bodies(h).at(-1)).toContain('passing you to our sales team');
    const sentBefore = h.graph.sent.length;
    await h.customerWrites('wamid.h3', { type: 'text', text: { body: 'hello? anyone?' } });
    await h.parley.pump();
    expect(h.graph.sent).toHaveLength(sentBefore);

    const released = await h.api('/contacts/15551234567/handoff/release', { method: 'POST' });
    expect(released.status).toBe(200);
    await h.parley.pump();
    const conversations = await (await h.api('/contacts/15551234567/conversations')).json();
    expect(conversations.conversations[0].status).not.toBe('handoff');
    expect((await h.api('/contacts/15551234567/handoff/release', { method: 'POST' })).status).toBe(409);
  });
});

describe('the webhook endpoint', () => {
  it('answers the verification handshake only with the right token', async () => {
    const ok = await h.parley.app.request(
      '/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=12345',
    );
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('12345');
    const wrong = await h.parley.app.request(
      '/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1',
    );
    expect(wrong.status).toBe(403);
  });

  const post = (body: string, signature: string | undefined) =>
    h.parley.app.request('/webhooks/whatsapp', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...(signature ? { 'x-hub-signature-256': signature } : {}) },
    });
  const valid = JSON.stringify({ object: 'whatsapp_business_account', entry: [] });

  it.each([
    ['no signature', valid, undefined, 401],
    ['a wrong signature', valid, signWebhookBody(valid, 'another-secret'), 401],
    ['a signature of other bytes', valid, signWebhookBody(`${valid} `, TEST_SECRET), 401],
    ['malformed JSON', '{"object": ', signWebhookBody('{"object": ', TEST_SECRET), 400],
    ['JSON that is not a webhook', '[1,2]', signWebhookBody('[1,2]', TEST_SECRET), 400],
    ['a valid signed body', valid, signWebhookBody(valid, TEST_SECRET), 200],
  ])('answers %s with %i', async (_name, body, signature, status) => {
    expect((await post(body, signature)).status).toBe(status);
  });

  it('refuses a body over 4 MiB with 413 and stores nothing', async () => {
    const big = JSON.stringify({ object: 'whatsapp_business_account', entry: [], pad: 'x'.repeat(4 * 1024 * 1024) });
    expect((await post(big, signWebhookBody(big, TEST_SECRET))).status).toBe(413);
    expect(h.database.db.select().from(inbox).all()).toHaveLength(0);
  });

  it('takes a batch as large as Meta sends (about 3 MB) and stores every message in it', async () => {
    const messages = Array.from({ length: 3000 }, (_, i) => ({
      from: '15551234567',
      id: `wamid.big${i}`,
      timestamp: String(Math.floor(h.clock.now() / 1000)),
      type: 'text',
      text: { body: `${i} ${'y'.repeat(900)}` },
    }));
    const body = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [{ id: 'waba', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', messages } }] }],
    });
    expect(body.length).toBeGreaterThan(2_900_000);
    expect((await post(body, signWebhookBody(body, TEST_SECRET))).status).toBe(200);
    expect(h.database.db.select().from(inbox).all()).toHaveLength(3000);
  });
});

describe('the sender', () => {
  it('retries a 5xx and a throughput error, delivering the message once', async () => {
    h.graph.queue.push(
      { kind: 'rejected', code: 131000, details: 'boom', httpStatus: 500 },
      { kind: 'rejected', code: 130429, details: 'slow down', httpStatus: 429 },
    );
    await h.customerWrites('wamid.s1', { type: 'text', text: { body: 'hi' } });
    for (let i = 0; i < 10 && h.graph.sent.length < 2; i += 1) {
      h.clock.advance(60_000);
      await h.parley.pump();
    }
    expect(h.graph.sent).toHaveLength(2);
    expect(new Set(h.graph.sent.map((b) => b.biz_opaque_callback_data)).size).toBe(2);
  });

  it('does not resend a message of unknown fate that a status webhook confirms', async () => {
    h.graph.queue.push({ kind: 'unknown', reason: 'timeout' });
    await h.customerWrites('wamid.t1', { type: 'text', text: { body: 'hi' } });
    await h.parley.pump();
    const row = h.database.db.select().from(outbox).all()[0];
    expect(row?.state).toBe('reconciling');
    await h.webhook({
      statuses: [
        {
          id: 'wamid.out-confirmed',
          status: 'sent',
          timestamp: '1',
          recipient_id: '15551234567',
          biz_opaque_callback_data: row?.key,
        },
      ],
    });
    h.clock.advance(60_000);
    await h.parley.pump();
    const rows = h.database.db.select().from(outbox).all();
    expect(rows.map((r) => r.state)).toEqual(['sent', 'sent']);
    expect(h.graph.sent.map((b) => b.biz_opaque_callback_data)).toEqual([rows[1]?.key]);
  });

  it('resends a message of unknown fate once no status came in time', async () => {
    h.graph.queue.push({ kind: 'unknown', reason: 'timeout' });
    await h.customerWrites('wamid.t2', { type: 'text', text: { body: 'hi' } });
    await h.parley.pump();
    expect(h.graph.sent).toHaveLength(0);
    h.clock.advance(31_000);
    await h.parley.pump();
    expect(h.graph.sent).toHaveLength(2);
  });

  it('pauses on a broken token, says so on /healthz, and goes on when resumed', async () => {
    h.graph.queue.push({ kind: 'rejected', code: 190, details: 'token expired', httpStatus: 401 });
    await h.customerWrites('wamid.p1', { type: 'text', text: { body: 'hi' } });
    await h.parley.pump();
    const health = await h.parley.app.request('/healthz');
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ ok: false, sender: { paused: true } });
    expect(h.graph.sent).toHaveLength(0);
    expect((await h.api('/sender/resume', { method: 'POST' })).status).toBe(200);
    await h.parley.pump();
    expect(h.graph.sent).toHaveLength(2);
    expect((await h.parley.app.request('/healthz')).status).toBe(200);
  });

  it('never sends a session message once the window has closed at send time', async () => {
    h.graph.queue.push({ kind: 'rejected', code: 190, details: 'token expired', httpStatus: 401 });
    await h.customerWrites('wamid.w1', { type: 'text', text: { body: 'hi' } });
    await h.parley.pump();
    h.clock.advance(25 * 3_600_000);
    await h.api('/sender/resume', { method: 'POST' });
    await h.parley.pump();
    expect(h.graph.sent).toHaveLength(0);
    const states = h.database.db
      .select()
      .from(outbox)
      .all()
      .map((r) => [r.state, r.lastError]);
    expect(states).toEqual([
      ['skipped', expect.stringContaining('window is closed')],
      ['skipped', expect.stringContaining('window is closed')],
    ]);
    const { messages } = await (await h.api('/contacts/15551234567/messages')).json();
    expect(
      messages.filter((m: { direction: string }) => m.direction === 'out').map((m: { status: string }) => m.status),
    ).toEqual(['not_sent', 'not_sent']);
  });

  it('gives up on an undeliverable number and marks the contact', async () => {
    h.graph.queue.push({ kind: 'rejected', code: 131026, details: 'not on WhatsApp', httpStatus: 400 });
    await h.customerWrites('wamid.u1', { type: 'text', text: { body: 'hi' } });
    await h.parley.pump();
    const contact = h.database.db.select().from(contacts).where(eq(contacts.key, '15551234567')).get();
    expect(contact?.undeliverableAt).not.toBeNull();
    expect(h.graph.sent).toHaveLength(0);
  });
});

describe('the management API', () => {
  it('refuses to publish a broken flow and names its errors', async () => {
    const broken = example('welcome.broken.json');
    expect((await h.api('/flows', { method: 'POST', body: JSON.stringify(broken) })).status).toBe(201);
    const response = await h.api(`/flows/${broken.id}/publish`, { method: 'POST' });
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error.code).toBe('publish.has_errors');
    expect(body.error.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'policy.no_scope', severity: 'error' }),
    );
  });

  it('reports node visits per flow and keeps consent evidence per contact', async () => {
    await h.customerWrites('wamid.a1', { type: 'text', text: { body: 'hi' } });
    await h.customerWrites('wamid.a2', { type: 'text', text: { body: 'STOP' } });
    await h.parley.pump();
    const analytics = await (await h.api('/flows/welcome/analytics')).json();
    expect(analytics.visits.greeting).toBe(1);
    const { consents } = await (await h.api('/contacts/+1 555 123 4567/consents')).json();
    // STOP is recorded once per category, each with the same evidence.
    expect(consents).toEqual(
      ['marketing', 'utility', 'authentication'].map((category) =>
        expect.objectContaining({
          category,
          action: 'opt_out',
          source: expect.stringContaining('flow:welcome@1'),
          at: expect.any(Number),
        }),
      ),
    );
  });

  it('needs the admin token', async () => {
    expect((await h.parley.app.request('/api/flows')).status).toBe(401);
    expect((await h.api('/flows')).status).toBe(200);
  });

  it('starts event-triggered flows for a contact', async () => {
    await publish(h, example('order-journey.json'), 'order-journey');
    const response = await h.api('/events/order_confirmed', {
      method: 'POST',
      body: JSON.stringify({ contact: { phone: '+49 151 2345 6789' }, data: { order: 'A-1' } }),
    });
    expect(response.status).toBe(202);
    const { started } = await response.json();
    expect(started).toEqual([{ flowId: 'order-journey', sessionId: expect.any(String) }]);
    await h.parley.pump();
    const session = h.database.db.select().from(sessions).where(eq(sessions.id, started[0].sessionId)).get();
    expect(session?.contactKey).toBe('4915123456789');
  });
});
