// The editor's two budgets: how long a 500-node flow takes to appear in
// headless Chromium (goal < 1.5 s), and how much gzipped JavaScript the build
// ships (goal < 350 KB for what the page loads; the auto-layout engine is a
// separate chunk fetched only when the user asks for a layout).
// `pnpm bench` calls benchEditor(); `tsx bench/editor.bench.ts` runs it alone.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../tests/browser/harness.ts';
import { type BenchFigure, median, summarize } from './figure.ts';
import { generateFlow } from './generate-flow.ts';
import { repoRoot, runtimeEntry, startServer } from './processes.ts';

const RENDER_GOAL_MS = 1_500;
const JS_GOAL_KB = 350;
const SIZE = 500;
const RUNS = 5;

export async function benchEditor(): Promise<BenchFigure[]> {
  const dist = join(repoRoot, 'apps/editor/dist');
  execFileSync(join(repoRoot, 'apps/editor/node_modules/.bin/vite'), ['build'], {
    cwd: join(repoRoot, 'apps/editor'),
    stdio: 'pipe',
  });
  const sizes = bundleSizes(dist);
  return [
    await renderFigure(),
    {
      name: 'editor JS loaded by the page (gzip)',
      unit: 'KB',
      runs: [sizes.initial],
      goal: `< ${JS_GOAL_KB} KB`,
      goalMet: sizes.initial < JS_GOAL_KB,
    },
    { name: 'editor JS including the lazy auto-layout chunk (gzip)', unit: 'KB', runs: [sizes.total] },
  ];
}

/** Gzipped KB of the scripts index.html loads (and their static imports) versus every script in the build. */
function bundleSizes(dist: string): { initial: number; total: number } {
  const assets = join(dist, 'assets');
  const gz = (file: string) => gzipSync(readFileSync(join(assets, file)), { level: 9 }).length / 1024;
  const scripts = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const loaded = new Set<string>();
  const visit = (file: string) => {
    if (loaded.has(file) || !scripts.includes(file)) return;
    loaded.add(file);
    // Static imports between chunks (`from"./x.js"` / `import"./x.js"`) load with the page; `import("./x.js")` does not.
    const code = readFileSync(join(assets, file), 'utf8');
    for (const match of code.matchAll(/(?:from|import)\s*"\.\/([\w.-]+\.js)"/g)) if (match[1]) visit(match[1]);
  };
  for (const match of html.matchAll(/assets\/([\w.-]+\.js)/g)) if (match[1]) visit(match[1]);
  const sum = (files: Iterable<string>) => Math.round([...files].reduce((total, f) => total + gz(f), 0) * 10) / 10;
  return { initial: sum(loaded), total: sum(scripts) };
}

/** The generated flow with the positions a drawn flow has: cards in rows, as auto-layout would leave them. */
function placed(flow: ReturnType<typeof generateFlow>): ReturnType<typeof generateFlow> {
  return {
    ...flow,
    nodes: flow.nodes.map((node, i) => ({ ...node, position: { x: (i % 20) * 320, y: Math.floor(i / 20) * 360 } })),
  };
}

/** Milliseconds from clicking "Open" on a 500-node flow until its canvas and problem list have painted. */
async function renderFigure(): Promise<BenchFigure> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-editor-'));
  const token = 'bench-editor-token-0123456789';
  const runtime = await startServer(runtimeEntry(), {
    PORT: '0',
    PARLEY_DB: join(dir, 'parley.db'),
    PARLEY_ADMIN_TOKEN: token,
  });
  const browser = await launchBrowser();
  try {
    const flow = placed(generateFlow(SIZE));
    const created = await fetch(`${runtime.url}/api/flows`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(flow),
    });
    if (!created.ok) throw new Error(`the runtime refused the ${SIZE}-node flow: ${await created.text()}`);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(runtime.url);
    const open = page.getByRole('button', { name: `Open ${flow.name}`, exact: true });
    const runs: number[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      await open.waitFor();
      const start = performance.now();
      await open.click();
      await page.locator('.react-flow__node').first().waitFor();
      await page.getByRole('region', { name: 'Problems' }).getByRole('heading').waitFor();
      // Two animation frames: the first commits the layout, the second is painted.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const elapsed = performance.now() - start;
      if (i > 0) runs.push(elapsed); // the first opening also loads the code; it is a warm-up
      await page.getByRole('button', { name: 'Back to all flows' }).click();
    }
    return {
      name: `editor opens a ${SIZE}-node flow (headless Chromium)`,
      unit: 'ms',
      runs,
      goal: `< ${RENDER_GOAL_MS} ms median`,
      goalMet: median(runs) < RENDER_GOAL_MS,
    };
  } finally {
    await browser.close();
    await runtime.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const figure of await benchEditor()) {
    const { min, median: mid, max } = summarize(figure);
    console.log(
      `${figure.name}: ${min.toFixed(1)} – ${mid.toFixed(1)} – ${max.toFixed(1)} ${figure.unit}${figure.goal ? ` (goal ${figure.goal}: ${figure.goalMet ? 'met' : 'NOT met'})` : ''}`,
    );
  }
}
