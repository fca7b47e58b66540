import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signWebhookBody } from '@parley/whatsapp';
import { type AppDeps, createApp, type ParleyApp } from '../app.ts';
import { type AdjustableClock, createAdjustableClock } from '../clock.ts';
import { type OpenDatabase, openDatabase } from '../db/open-database.ts';
import { createMemoryLogger } from '../logger.ts';
import { createFakeGraph, type FakeGraph } from './fake-graph.ts';

export const TEST_SECRET = 'app-secret-for-tests';
export const TEST_ADMIN = 'admin-token-for-tests-0123456789';

export type Harness = {
  dir: string;
  clock: AdjustableClock;
  graph: FakeGraph;
  logger: ReturnType<typeof createMemoryLogger>;
  database: OpenDatabase;
  parley: ParleyApp;
  api: (path: string, init?: RequestInit) => Promise<Response>;
  webhook: (value: Record<string, unknown>) => Promise<Response>;
  customerWrites: (id: string, message: Record<string, unknown>, from?: string) => Promise<Response>;
  /** Reopens the same SQLite file in a new app, as after a crash or restart. The old one is left as it is. */
  reopen: (overrides?: Partial<AppDeps>) => Harness;
  close: () => Promise<void>;
};

/** A runtime on a real SQLite file in a temp dir, with a fake Graph API, driven with app.request(). */
export function createHarness(
  overrides: Partial<AppDeps> = {},
  shared?: { dir: string; clock: AdjustableClock },
): Harness {
  const dir = shared?.dir ?? mkdtempSync(join(tmpdir(), 'parley-runtime-'));
  const clock = shared?.clock ?? createAdjustableClock();
  const graph = createFakeGraph();
  const logger = createMemoryLogger();
  const database = openDatabase(join(dir, 'parley.db'));
  const parley = createApp({
    db: database.db,
    clock,
    graph,
    log: logger,
    appSecret: TEST_SECRET,
    verifyToken: 'verify-me',
    adminToken: TEST_ADMIN,
    sendRate: 80,
    pairBurst: 20,
    tierLimit: 250,
    editorDir: join(dir, 'no-editor'),
    reconcileMs: 30_000,
    ...overrides,
  });

  const webhook = async (value: Record<string, unknown>): Promise<Response> => {
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
                ...value,
              },
            },
          ],
        },
      ],
    });
    return parley.app.request('/webhooks/whatsapp', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signWebhookBody(body, TEST_SECRET) },
    });
  };

  const harness: Harness = {
    dir,
    clock,
    graph,
    logger,
    database,
    parley,
    api: async (path, init = {}) =>
      parley.app.request(`/api${path}`, {
        ...init,
        headers: { authorization: `Bearer ${TEST_ADMIN}`, 'content-type': 'application/json', ...init.headers },
      }),
    webhook,
    customerWrites: (id, message, from = '15551234567') =>
      webhook({
        contacts: [{ wa_id: from, profile: { name: 'Maria' } }],
        messages: [{ from, id, timestamp: String(Math.floor(clock.now() / 1000)), ...message }],
      }),
    reopen: (more = {}) => createHarness({ ...overrides, ...more }, { dir, clock }),
    close: async () => {
      await parley.stop();
      database.close();
      if (!shared) rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}
