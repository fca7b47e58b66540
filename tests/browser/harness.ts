import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Shared set-up of the browser tests: the editor build, a real runtime process, and Debian's Chromium. */
export const ROOT = resolve(import.meta.dirname, '../..');
export const ARTIFACTS = join(ROOT, 'tests/artifacts');

const EDITOR = join(ROOT, 'apps/editor');
const LOCK = join(tmpdir(), `parley-editor-build-${createHash('sha1').update(ROOT).digest('hex').slice(0, 8)}.lock`);

/** Newest modification time among the editor's sources and build settings. */
function newestSource(): number {
  const times: number[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else times.push(statSync(path).mtimeMs);
    }
  };
  walk(join(EDITOR, 'src'));
  for (const file of ['index.html', 'vite.config.ts', 'package.json']) times.push(statSync(join(EDITOR, file)).mtimeMs);
  return Math.max(...times);
}

function isFresh(): boolean {
  const built = join(EDITOR, 'dist/index.html');
  return existsSync(built) && statSync(built).mtimeMs > newestSource();
}

/**
 * Builds the editor into apps/editor/dist unless the build is newer than its
 * sources. Test files run in parallel and the runtime serves that one folder,
 * so builds take a lock: a second file waits, then finds the build fresh.
 */
export async function buildEditor(): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock older than two minutes was left by a crashed run.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 120_000)
        rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`another editor build holds ${LOCK}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    if (!isFresh()) execFileSync(join(EDITOR, 'node_modules/.bin/vite'), ['build'], { cwd: EDITOR, stdio: 'pipe' });
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

export type Runtime = { url: string; token: string; stop: () => Promise<void>; log: () => string };

/** Starts `tsx apps/runtime/src/main.ts` in sandbox mode on a free port with its database in a temp dir. */
export async function startRuntime(): Promise<Runtime> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-browser-'));
  const port = await freePort();
  const token = `browser-test-token-${port}`;
  let output = '';
  const child: ChildProcess = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['apps/runtime/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      PARLEY_HOST: '127.0.0.1',
      PARLEY_DB: join(dir, 'parley.db'),
      PARLEY_ADMIN_TOKEN: token,
      NO_COLOR: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    output += String(chunk);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the runtime exited early:\n${output}`);
    try {
      const response = await fetch(`${url}/api/flows`, { headers: { authorization: `Bearer ${token}` } });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the runtime did not answer within 30 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    token,
    log: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** A page at 1280×800 with the editor open; page errors fail loudly through `errors`. */
export async function openEditor(browser: Browser, runtime: Runtime): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(runtime.url);
  // The runtime puts its token in the page for loopback visitors; if it did not, type it like a user would.
  const tokenField = page.getByLabel('Admin token');
  await page.getByRole('heading', { name: /Your flows|Connect to Parley/ }).waitFor();
  if (await tokenField.isVisible()) {
    await tokenField.fill(runtime.token);
    await page.getByRole('button', { name: 'Connect' }).click();
  }
  await page.getByRole('heading', { name: 'Your flows' }).waitFor();
  return { page, errors };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}
