// Starting the servers under test as their own processes, as a user would,
// and reading their peak memory from the kernel.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export type Started = { child: ChildProcess; url: string; stop: () => Promise<void>; output: () => string };

let bundled = false;

/**
 * The runtime's entry as `pnpm start` runs it: the plain-JS bundle, built
 * fresh once per benchmark run so it never measures stale code.
 * `BENCH_RUNTIME=tsx` runs the TypeScript source through tsx instead.
 */
export function runtimeEntry(): string {
  if (process.env.BENCH_RUNTIME === 'tsx') return 'apps/runtime/src/main.ts';
  if (!bundled) {
    execFileSync(process.execPath, ['apps/runtime/scripts/bundle.mjs'], { cwd: repoRoot, stdio: 'inherit' });
    bundled = true;
  }
  return 'apps/runtime/dist/main.js';
}

/** Spawns `<script>` (through tsx unless it is plain JS) and resolves once it prints `listening on http://…`. */
export function startServer(
  script: string,
  env: Record<string, string>,
  timeoutMs = 60_000,
  nodeArgs: string[] = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [],
): Promise<Started> {
  const loader = script.endsWith('.js') ? [] : ['--import', 'tsx'];
  const child = spawn(process.execPath, [...nodeArgs, ...loader, script], {
    cwd: repoRoot,
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        const url = match[1];
        resolve({ child, url, stop: () => stop(child), output: () => output });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code}:\n${output}`));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
  });
}

/** Peak resident memory (VmHWM) of a process in MB, from /proc. */
export function peakRssMb(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match?.[1] ? Number(match[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}
