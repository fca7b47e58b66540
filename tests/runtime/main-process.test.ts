import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningSimulator, startSimulator } from '@parley/whatsapp/simulator';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from './runtime-under-test.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const MAIN = join(ROOT, 'apps', 'runtime', 'src', 'main.ts');

const ACCESS_TOKEN = 'EAAGsecretACCESStoken1234567890';
const APP_SECRET = 'appSECRETvalue0987654321';
const ADMIN = 'admin-token-for-the-process-test';

type Started = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

function startMain(env: Record<string, string>): Started {
  const child = spawn(TSX, [MAIN], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    output += String(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('main.ts as its own process', () => {
  it('refuses to start on a bad variable and names it', async () => {
    const started = startMain({ PORT: 'eighty', PARLEY_SEND_RATE: '-1' });
    expect(await started.exited).toBe(1);
    expect(started.output()).toContain('PORT: must be a port number');
    expect(started.output()).toContain('PARLEY_SEND_RATE:');
  }, 60_000);

  it('runs live against a Graph API and never shows the access token or app secret', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-main-'));
    const sim: RunningSimulator = await startSimulator({
      accessTokens: [ACCESS_TOKEN],
      appSecret: APP_SECRET,
      phoneNumberId: '106540352242922',
      statusDelayMs: 1,
    });
    const started = startMain({
      WA_ACCESS_TOKEN: ACCESS_TOKEN,
      WA_APP_SECRET: APP_SECRET,
      WA_PHONE_NUMBER_ID: '106540352242922',
      WA_VERIFY_TOKEN: 'verify-token',
      WA_GRAPH_URL: sim.url,
      PARLEY_ADMIN_TOKEN: ADMIN,
      PARLEY_DB: join(dir, 'parley.db'),
      PORT: '0',
    });
    cleanups.push(async () => {
      started.child.kill('SIGTERM');
      await started.exited;
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const url = await waitFor(
      'the runtime to listen',
      () => /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(started.output())?.[1],
      20_000,
    );
    sim.simulator.webhooks.setUrl(`${url}/webhooks/whatsapp`);
    expect(started.output()).toContain('LIVE MODE');

    const bodies: string[] = [];
    const call = async (path: string, init: RequestInit = {}) => {
      const response = await fetch(`${url}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json', ...init.headers },
      });
      bodies.push(await response.clone().text());
      return response;
    };
    const welcome = readFileSync(join(ROOT, 'examples', 'welcome.json'), 'utf8');
    expect((await call('/api/flows', { method: 'POST', body: welcome })).status).toBe(201);
    expect((await call('/api/flows/welcome/publish', { method: 'POST' })).status).toBe(201);

    const phone = '15550202020';
    await sim.simulator.customer.sendText(phone, 'hi');
    await waitFor('the replies', () => sim.simulator.customer.received(phone).length >= 2);

    // A revoked token pauses sending and says so, without the token.
    sim.simulator.faults.inject({ kind: 'error', code: 190, httpStatus: 401, count: 1 });
    await sim.simulator.customer.tapButton(phone, 'test_ride', 'Book a test ride');
    await waitFor('the alert', async () => (await call('/healthz')).status === 503 || undefined);
    await call('/webhooks/whatsapp', { method: 'POST', body: '{}', headers: { 'x-hub-signature-256': 'sha256=00' } });
    for (const path of [
      '/api/flows',
      '/api/flows/welcome',
      `/api/contacts/${phone}/messages`,
      '/api/openapi.json',
      '/',
    ]) {
      await call(path);
    }
    await call('/api/sender/resume', { method: 'POST' });
    await waitFor('the test ride answer', () => sim.simulator.customer.received(phone).length >= 4);

    const everything = `${started.output()}\n${bodies.join('\n')}`;
    expect(started.output()).toContain('sending paused');
    expect(everything).not.toContain(ACCESS_TOKEN);
    expect(everything).not.toContain(APP_SECRET);
  }, 60_000);
});
