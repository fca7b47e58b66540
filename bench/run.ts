// `pnpm bench`: every benchmark in one run, each figure beside its same-run
// baseline. Prints a table, writes bench/results/latest.json. Missed goals are
// reported, never fatal: these machines are shared and noisy.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type { BenchFigure } from './figure.ts';
import { summarize } from './figure.ts';

type Suite = { name: string; load: () => Promise<() => Promise<BenchFigure[]>> };

const suites: Suite[] = [
  { name: 'pure core: validateFlow, loadFlow', load: async () => (await import('./validate.bench.ts')).benchValidate },
  { name: 'pure core: engine step', load: async () => (await import('./step.bench.ts')).benchStep },
  { name: 'webhook to reply, end to end', load: async () => (await import('./webhook.bench.ts')).benchWebhook },
  { name: 'outbound pacing', load: async () => (await import('./pacing.bench.ts')).benchPacing },
  { name: 'scale of state', load: async () => (await import('./state.bench.ts')).benchState },
  { name: 'editor', load: async () => (await import('./editor.bench.ts')).benchEditor },
];

const only = process.argv.slice(2);
const figures: BenchFigure[] = [];
const failures: { suite: string; error: string }[] = [];

for (const suite of suites) {
  if (only.length > 0 && !only.some((word) => suite.name.includes(word))) continue;
  console.log(`\n== ${suite.name} ==`);
  const started = performance.now();
  try {
    const bench = await suite.load();
    const result = await bench();
    for (const figure of result) printFigure(figure);
    figures.push(...result);
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    failures.push({ suite: suite.name, error: message });
    console.error(`  failed: ${message}`);
  }
  console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

console.log('\n== summary ==');
console.log(table(figures));
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
};
writeFileSync(
  new URL('./results/latest.json', import.meta.url),
  `${JSON.stringify({ at: new Date().toISOString(), machine, figures: figures.map((f) => ({ ...f, ...summarize(f), ratio: ratioOf(f) })), failures }, null, 2)}\n`,
);
console.log('\nwrote bench/results/latest.json');
process.exit(failures.length > 0 ? 1 : 0);

function ratioOf(figure: BenchFigure): number | undefined {
  if (!figure.baseline) return undefined;
  const baseline = figures.find((f) => f.name === figure.baseline?.name);
  if (!baseline) return undefined;
  const ours = summarize(figure).median;
  const theirs = summarize(baseline).median;
  return figure.baseline.higherIsBetter ? ours / theirs : theirs / ours;
}

function format(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 1) return value.toFixed(2);
  return value.toPrecision(3);
}

function printFigure(figure: BenchFigure): void {
  const { min, median, max } = summarize(figure);
  const goal = figure.goal
    ? `  goal ${figure.goal}${figure.goalMet === undefined ? '' : figure.goalMet ? ' (met)' : ' (MISSED)'}`
    : '';
  console.log(`  ${figure.name}: ${format(min)} – ${format(median)} – ${format(max)} ${figure.unit}${goal}`);
}

function table(all: BenchFigure[]): string {
  const rows = all.map((figure) => {
    const { min, median, max } = summarize(figure);
    const ratio = ratioOf(figure);
    return [
      figure.name,
      `${format(min)} – ${format(median)} – ${format(max)}`,
      figure.unit,
      ratio === undefined ? '' : `${ratio.toFixed(2)}× ${figure.baseline?.name ?? ''}`,
      figure.goal ? `${figure.goal}${figure.goalMet === undefined ? '' : figure.goalMet ? ' ✓' : ' ✗'}` : '',
    ];
  });
  const header = ['figure', 'min – median – max', 'unit', 'vs baseline', 'goal'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
