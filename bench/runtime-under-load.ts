// Starts Parley as a user would (its own process, a real SQLite file in WAL
// mode, live mode against the simulator in another process) and publishes
// the benchmark flow through the management API.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runtimeEntry, type Started, startServer } from './processes.ts';

export const BENCH = {
  secret: 'bench-app-secret',
  token: 'bench-access-token',
  admin: 'bench-admin-token-0123456789',
  phoneNumberId: '106540352242922',
};

export type System = { simulator: Started; runtime: Started; dbPath: string; stop: () => Promise<void> };

export async function startSystem(sendRate: number, simulatorRate = Math.max(sendRate, 1000)): Promise<System> {
  const simulator = await startServer('bench/simulator-server.ts', {
    SIM_THROUGHPUT: String(simulatorRate),
    SIM_ACCESS_TOKEN: BENCH.token,
    SIM_APP_SECRET: BENCH.secret,
    SIM_PHONE_NUMBER_ID: BENCH.phoneNumberId,
  });
  const dbPath = join(mkdtempSync(join(tmpdir(), 'parley-bench-')), 'parley.db');
  const runtime = await startServer(runtimeEntry(), {
    PORT: '0',
    PARLEY_DB: dbPath,
    PARLEY_ADMIN_TOKEN: BENCH.admin,
    PARLEY_SEND_RATE: String(sendRate),
    WA_ACCESS_TOKEN: BENCH.token,
    WA_PHONE_NUMBER_ID: BENCH.phoneNumberId,
    WA_APP_SECRET: BENCH.secret,
    WA_VERIFY_TOKEN: 'bench-verify',
    WA_GRAPH_URL: simulator.url,
  });
  await request(simulator.url, 'PUT', '/_sim/webhook-url', { url: `${runtime.url}/webhooks/whatsapp` });
  const flow: unknown = JSON.parse(readFileSync(new URL('./bench-flow.json', import.meta.url), 'utf8'));
  await request(runtime.url, 'POST', '/api/flows', flow, BENCH.admin);
  await request(runtime.url, 'POST', '/api/flows/bench-order-status/publish', undefined, BENCH.admin);
  return {
    simulator,
    runtime,
    dbPath,
    stop: async () => {
      await runtime.stop();
      await simulator.stop();
    },
  };
}

export async function request(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<unknown> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${base}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return text === '' ? undefined : JSON.parse(text);
}

/** [at, recipient, status, errorCode] of every send the simulator received. */
export async function sendsSeen(simulatorUrl: string): Promise<[number, string, number, number][]> {
  const rows = await request(simulatorUrl, 'GET', '/_bench/sends');
  if (!Array.isArray(rows)) return [];
  return rows.filter(
    (row): row is [number, string, number, number] =>
      Array.isArray(row) && typeof row[0] === 'number' && typeof row[1] === 'string',
  );
}

/** Waits until the simulator has seen `expected` sends, or nothing new arrived for `quietMs`. */
export async function waitForSends(simulatorUrl: string, expected: number, quietMs = 5_000, maxMs = 120_000) {
  const started = Date.now();
  let last = -1;
  let lastChange = Date.now();
  for (;;) {
    const rows = await sendsSeen(simulatorUrl);
    if (rows.length >= expected) return rows;
    if (rows.length !== last) {
      last = rows.length;
      lastChange = Date.now();
    }
    if (Date.now() - lastChange > quietMs || Date.now() - started > maxMs) return rows;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
