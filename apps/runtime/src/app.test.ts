import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signWebhookBody } from '@parley/whatsapp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type ParleyApp } from './app.ts';
import { createAdjustableClock } from './clock.ts';
import { type OpenDatabase, openDatabase } from './db/open-database.ts';
import { createMemoryLogger } from './logger.ts';
import { createFakeGraph, type FakeGraph } from './testing/fake-graph.ts';

const SECRET = 'app-secret-for-tests';
const ADMIN = 'admin-token-for-tests-0123456789';
const welcome = JSON.parse(readFileSync(join(import.meta.dirname, '../../../examples/welcome.json'), 'utf8'));

let dir: string;
let database: OpenDatabase;
let graph: FakeGraph;
let parley: ParleyApp;
const clock = createAdjustableClock();
const logger = createMemoryLogger();

const api = (path: string, init: RequestInit = {}) =>
  parley.app.request(`/api${path}`, {
    ...init,
    headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json', ...init.headers },
  });

function webhook(messages: Record<string, unknown>[], from = '15551234567') {
  const body = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'waba',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550000000', phone_number_id: 'pn' },
              contacts: [{ wa_id: from, profile: { name: 'Maria' } }],
              messages: messages.map((m) => ({ from, timestamp: String(Math.floor(clock.now() / 1000)), ...m })),
            },
          },
        ],
      },
    ],
  });
  return parley.app.request('/webhooks/whatsapp', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signWebhookBody(body, SECRET) },
  });
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-app-'));
  database = openDatabase(join(dir, 'parley.db'));
  graph = createFakeGraph();
  parley = createApp({
    db: database.db,
    clock,
    graph,
    log: logger,
    appSecret: SECRET,
    verifyToken: 'verify',
    adminToken: ADMIN,
    sendRate: 80,
    pairBurst: 20,
    tierLimit: 250,
    editorDir: join(dir, 'no-editor'),
  });
});

afterEach(async () => {
  await parley.stop();
  database.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('createApp', () => {
  it('answers a customer through the published flow', async () => {
    expect((await api('/flows', { method: 'POST', body: JSON.stringify(welcome) })).status).toBe(201);
    expect((await api('/flows/welcome/publish', { method: 'POST' })).status).toBe(201);
    expect((await webhook([{ id: 'wamid.in1', type: 'text', text: { body: 'hi' } }])).status).toBe(200);
    await parley.pump();
    expect(graph.sent.length).toBeGreaterThan(0);
    const last = graph.sent.at(-1);
    expect(last).toMatchObject({ to: '15551234567', type: 'interactive' });
    expect(JSON.stringify(last)).toContain('Find a bike');
  });
});
