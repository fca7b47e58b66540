import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutboundMessage } from '../schemas/outbound/message.ts';
import { type RunningSimulator, startSimulator } from '../simulator/start-simulator.ts';
import { editableFixture, readFixture } from '../testing/fixtures.ts';
import { FIXTURE_TEMPLATES } from '../testing/seed-templates.ts';
import { createGraphClient, type GraphClientOptions } from './graph-client.ts';
import { isGraphError } from './request.ts';

const CUSTOMER = '16505551234';
let running: RunningSimulator;

function client(overrides: Partial<GraphClientOptions> = {}) {
  return createGraphClient({
    baseUrl: running.url,
    accessToken: 'sim-access-token',
    phoneNumberId: running.simulator.options.phoneNumberId,
    wabaId: running.simulator.options.wabaId,
    ...overrides,
  });
}

const text = OutboundMessage.parse(readFixture('send-text.request.json'));

beforeEach(async () => {
  running = await startSimulator({ port: 0, templates: FIXTURE_TEMPLATES, statusDelayMs: 0 });
});
afterEach(async () => {
  await running.close();
});

describe('Graph client against the simulator over HTTP', () => {
  it('sends a message and gets a wamid', async () => {
    const result = await client().sendMessage(text);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.status).toBe(200);
      expect(result.body.contacts[0]?.wa_id).toBe(CUSTOMER);
      expect(running.simulator.requests.list({ recipient: CUSTOMER })[0]?.messageId).toBe(result.body.messages[0]?.id);
    }
  });

  it('defaults to a current API version', async () => {
    await client().sendMessage(text);
    expect(running.simulator.requests.list()[0]?.path).toMatch(/^\/v2[56]\.0\//);
  });

  it('routes MARKETING templates to /marketing_messages when asked to', async () => {
    const coupon = OutboundMessage.parse(readFixture('send-template-copy-code.request.json'));
    const result = await client({ routeMarketingTemplates: true }).sendMessage(coupon, { category: 'MARKETING' });
    expect(result.ok).toBe(true);
    expect(running.simulator.requests.list()[0]?.path).toContain('/marketing_messages');
  });

  it('returns the Graph error as a value: bad token → 190, HTTP 401', async () => {
    const result = await client({ accessToken: 'expired' }).sendMessage(text);
    expect(result.ok).toBe(false);
    if (!result.ok && isGraphError(result.error)) {
      expect([result.status, result.error.code]).toEqual([401, 190]);
    } else throw new Error('expected a Graph error');
  });

  it('marks read and shows typing on a received message', async () => {
    const inbound = await running.simulator.customer.sendText(CUSTOMER, 'hello');
    expect((await client().markRead(inbound.id)).ok).toBe(true);
    expect((await client().typing(inbound.id)).ok).toBe(true);
    const message = running.simulator.customer.lastInboundAt(CUSTOMER);
    expect(message).toBeTypeOf('number');
  });

  it('reports a timeout when the simulator never answers', async () => {
    running.simulator.faults.inject({ kind: 'timeout' });
    const result = await client({ timeoutMs: 150 }).sendMessage(text);
    expect(result).toMatchObject({ ok: false, status: 0, error: { code: 'timeout' } });
  });

  it('reports a network failure when nothing listens', async () => {
    await running.close();
    const result = await client().sendMessage(text);
    expect(result).toMatchObject({ ok: false, error: { code: 'network' } });
    running = await startSimulator({ port: 0 });
  });

  it('reports an injected 5xx with its code, then works again', async () => {
    running.simulator.faults.inject({ kind: 'error', code: 131000, count: 2 });
    const first = await client().sendMessage(text);
    const second = await client().sendMessage(text);
    const third = await client().sendMessage(text);
    expect([first, second].map((r) => (r.ok ? 0 : r.status))).toEqual([500, 500]);
    expect(!first.ok && isGraphError(first.error) && first.error.code).toBe(131000);
    expect(third.ok).toBe(true);
  });

  it('answers after an injected delay', async () => {
    running.simulator.faults.inject({ kind: 'delay', delayMs: 50 });
    expect((await client().sendMessage(text)).ok).toBe(true);
  });

  it('works through undici with a keep-alive dispatcher', async () => {
    const { Agent } = await import('undici');
    const dispatcher = new Agent({ keepAliveTimeout: 1000, connections: 2 });
    const results = await Promise.all([1, 2, 3].map(() => client({ dispatcher }).sendMessage(text)));
    expect(results.every((r) => r.ok)).toBe(true);
    await dispatcher.close();
  });

  it('reads phone number fields', async () => {
    const result = await client().phoneNumber(['whatsapp_business_manager_messaging_limit', 'throughput']);
    expect(result.ok && result.body).toMatchObject({
      whatsapp_business_manager_messaging_limit: 'TIER_250',
      throughput: { level: 'STANDARD' },
    });
  });
});

describe('templates through the client', () => {
  it('lists page by page with cursors', async () => {
    const names: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 10; page++) {
      const result = await client().templates.list({ limit: 2, after });
      if (!result.ok) throw new Error('list failed');
      names.push(...result.body.data.map((t) => t.name));
      after = result.body.paging?.next ? result.body.paging.cursors?.after : undefined;
      if (!after) break;
    }
    expect(names).toEqual(FIXTURE_TEMPLATES.map((t) => t.name));
  });

  it('creates (PENDING, then approved by review), refuses a duplicate, deletes', async () => {
    const request = editableFixture('template.create-named.request.json');
    request.name = 'reservation_reminder';
    const created = await client().templates.create(request);
    expect(created.ok && created.body.status).toBe('PENDING');
    await running.simulator.idle();
    expect(running.simulator.templates.find('reservation_reminder', 'en_US')?.status).toBe('APPROVED');
    const again = await client().templates.create(request);
    expect(!again.ok && isGraphError(again.error) && again.error.code).toBe(100);
    expect((await client().templates.delete('reservation_reminder')).ok).toBe(true);
    expect(running.simulator.templates.find('reservation_reminder', 'en_US')).toBeUndefined();
    expect(running.simulator.templates.find('reservation_confirmation', 'en_US')?.status).toBe('APPROVED');
  });

  it('edits an approved template, which goes back to review', async () => {
    await running.close();
    running = await startSimulator({ port: 0, templates: FIXTURE_TEMPLATES, templateReviewMs: null });
    const entry = running.simulator.templates.find('hello_world', 'en_US');
    if (!entry) throw new Error('seed missing');
    const edited = await client().templates.edit(entry.id, { components: [{ type: 'BODY', text: 'Hello {{1}}' }] });
    expect(edited.ok).toBe(true);
    expect(running.simulator.templates.find('hello_world', 'en_US')?.status).toBe('PENDING');
    const disabled = running.simulator.templates.find('old_promo', 'en');
    const refused = await client().templates.edit(disabled?.id ?? '', { category: 'UTILITY' });
    expect(!refused.ok && isGraphError(refused.error) && refused.error.code).toBe(100);
  });
});

describe('media through the client', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);

  it('uploads, retrieves a URL, downloads with the bearer, deletes', async () => {
    const upload = await client().media.upload({ data: png, mimeType: 'image/png', filename: 'a.png' });
    if (!upload.ok) throw new Error(JSON.stringify(upload.error));
    const info = await client().media.retrieve(upload.body.id);
    if (!info.ok) throw new Error('retrieve failed');
    expect(info.body).toMatchObject({ mime_type: 'image/png', file_size: '8' });
    const download = await client().media.download(info.body.url);
    expect(download.ok && [...download.body.bytes]).toEqual([...png]);
    const anonymous = await fetch(info.body.url);
    expect(anonymous.status).toBe(401);
    expect((await client().media.delete(upload.body.id)).ok).toBe(true);
    expect((await client().media.retrieve(upload.body.id)).ok).toBe(false);
  });

  it('downloads the media a customer sent', async () => {
    const voice = new Uint8Array([0x4f, 0x67, 0x67, 0x53, 9, 9]);
    const inbound = await running.simulator.customer.sendMedia(CUSTOMER, { kind: 'audio', data: voice, voice: true });
    const id = JSON.stringify(inbound.delivery.payload).match(/"audio":\{"id":"(\d+)"/)?.[1] ?? '';
    const info = await client().media.retrieve(id);
    if (!info.ok) throw new Error('retrieve failed');
    const download = await client().media.download(info.body.url);
    expect(download.ok && [...download.body.bytes]).toEqual([...voice]);
    expect(download.ok && download.body.mimeType).toBe('audio/ogg');
  });

  it('expires download URLs after five minutes', async () => {
    const upload = await client().media.upload({ data: png, mimeType: 'image/png' });
    if (!upload.ok) throw new Error('upload failed');
    const info = await client().media.retrieve(upload.body.id);
    if (!info.ok) throw new Error('retrieve failed');
    running.simulator.clock.advance(5 * 60 * 1000 + 1);
    const download = await client().media.download(info.body.url);
    expect(download.ok ? 200 : download.status).toBe(404);
  });

  it('refuses a type WhatsApp does not take (131053)', async () => {
    const upload = await client().media.upload({ data: png, mimeType: 'image/gif' });
    expect(!upload.ok && isGraphError(upload.error) && upload.error.code).toBe(131053);
  });
});
