import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AppDeps,
  createAdjustableClock,
  createApp,
  createGraphPort,
  listen,
  openDatabase,
  type ParleyApp,
  sandboxPortOf,
} from '@parley/runtime';
import {
  createSimClock,
  type RunningSimulator,
  type SimulatorOptions,
  startSimulator,
} from '@parley/whatsapp/simulator';

export const ADMIN = 'e2e-admin-token-0123456789abcdef';
const SECRET = 'e2e-app-secret';
const ACCESS = 'e2e-access-token';
const PHONE_NUMBER_ID = '106540352242922';
const ROOT = join(import.meta.dirname, '..', '..');

export const readExample = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(ROOT, 'examples', name), 'utf8'));
export const readFixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'runtime', name), 'utf8'));

type Running = {
  parley: ParleyApp;
  close: () => Promise<void>;
  crash: () => Promise<void>;
  url: string;
  logs: string[];
};

/**
 * The runtime and the simulator as separate HTTP servers on 127.0.0.1, talking
 * to each other exactly as the runtime and Meta do, on a real SQLite file.
 * Time is driven by moving both clocks, never by sleeping.
 */
export async function startRuntimeUnderTest(simOptions: SimulatorOptions = {}, appOptions: Partial<AppDeps> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'parley-e2e-'));
  const dbPath = join(dir, 'parley.db');
  const clock = createAdjustableClock();
  const simClock = createSimClock();
  const sim: RunningSimulator = await startSimulator({
    accessTokens: [ACCESS],
    appSecret: SECRET,
    phoneNumberId: PHONE_NUMBER_ID,
    clock: simClock,
    statusDelayMs: 1,
    webhookRetry: { maxAttempts: 8, baseDelayMs: 25, timeoutMs: 2_000 },
    ...simOptions,
  });
  const { graph, close: closeGraph } = createGraphPort({
    baseUrl: sim.url,
    accessToken: ACCESS,
    phoneNumberId: PHONE_NUMBER_ID,
    timeoutMs: 300,
  });
  const sandbox = sandboxPortOf(sim.simulator);

  // Meta posts to one fixed URL, so a restarted runtime listens on the port it had.
  let port = 0;
  const open = async (): Promise<Running> => {
    const database = openDatabase(dbPath);
    const logs: string[] = [];
    const log = {
      info: (m: string) => logs.push(`info ${m}`),
      warn: (m: string) => logs.push(`warn ${m}`),
      error: (m: string) => logs.push(`error ${m}`),
    };
    const parley = createApp({
      db: database.db,
      clock,
      graph,
      log,
      appSecret: SECRET,
      verifyToken: 'e2e-verify',
      adminToken: ADMIN,
      sendRate: 80,
      pairBurst: 45,
      tierLimit: 250,
      reconcileMs: 20_000,
      pollMs: 20,
      editorDir: join(dir, 'no-editor'),
      sandbox: { port: sandbox, clock },
      ...appOptions,
    });
    const server = await listen(parley.app.fetch, port, '127.0.0.1');
    port = server.port;
    const url = server.url;
    sim.simulator.webhooks.setUrl(`${url}/webhooks/whatsapp`);
    parley.start();
    return {
      parley,
      url,
      logs,
      close: async () => {
        await parley.stop();
        await server.close();
        database.close();
      },
      // Like a killed process: nothing in flight is awaited; writes after this point are lost.
      crash: async () => {
        void parley.stop();
        await server.close();
        database.close();
      },
    };
  };

  let current = await open();

  const api = async (path: string, init: RequestInit = {}) => {
    const request = () =>
      fetch(`${current.url}/api${path}`, {
        ...init,
        headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json', ...init.headers },
      });
    // After a restart, a pooled keep-alive connection to the old server fails once; any client retries that.
    return request().catch(request);
  };

  return {
    sim,
    simulator: sim.simulator,
    customer: sim.simulator.customer,
    clock,
    dbPath,
    get url() {
      return current.url;
    },
    get logs() {
      return current.logs;
    },
    api,
    async publish(flow: Record<string, unknown>) {
      const created = await api('/flows/import', { method: 'POST', body: JSON.stringify(flow) });
      if (created.status >= 300) throw new Error(`import failed: ${created.status} ${await created.text()}`);
      const published = await api(`/flows/${String(flow.id)}/publish`, { method: 'POST' });
      if (published.status !== 201) throw new Error(`publish failed: ${published.status} ${await published.text()}`);
    },
    /** Waits until the runtime has `count` outbound messages to the contact, each confirmed read by a status webhook. */
    async confirmed(phone: string, count: number) {
      await waitFor(`${count} confirmed messages to ${phone}`, async () => {
        const { messages } = await (await api(`/contacts/${phone}/messages`)).json();
        const out = messages.filter((m: { direction: string }) => m.direction === 'out');
        return out.length >= count && out.every((m: { status: string }) => m.status === 'read');
      });
    },
    /** Moves the runtime's and the simulator's clocks together, then lets the workers run. */
    async advance(ms: number) {
      clock.advance(ms);
      simClock.advance(ms);
      await current.parley.pump();
    },
    /** Bodies the simulated customer received, in order. */
    received(phone: string): Record<string, unknown>[] {
      return sim.simulator.customer
        .received(phone)
        .map((m) => (typeof m.payload === 'object' && m.payload !== null ? { ...m.payload } : {}));
    },
    /** Stops the runtime (workers, server, database) and opens a new one on the same SQLite file. */
    async restart() {
      await current.close();
      current = await open();
    },
    /** Kills the runtime mid-flight and starts a new one on the same SQLite file. */
    async crashAndRestart() {
      await current.crash();
      current = await open();
    },
    get parley() {
      return current.parley;
    },
    async close() {
      await current.close();
      await sim.close();
      await closeGraph();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type RuntimeUnderTest = Awaited<ReturnType<typeof startRuntimeUnderTest>>;

/** Polls until the check passes (the runtime works asynchronously); fails naming what it waited for. */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 8_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}

/** Text of a send body, whatever its type, for readable assertions. */
export function textOf(body: Record<string, unknown>): string {
  return JSON.stringify(body);
}
