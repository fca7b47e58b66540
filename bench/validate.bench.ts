// Times validateFlow on generated flows of 100, 1,000 and 5,000 nodes, and
// loadFlow on the 1,000-node document. `pnpm bench` calls benchValidate();
// `tsx bench/validate.bench.ts` runs it alone and prints min–median–max.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Flow, loadFlow, validateFlow } from '@parley/flow-schema';
import { type BenchFigure, median, summarize, timeRuns } from './figure.ts';
import { generateFlow } from './generate-flow.ts';

const GOAL_MS_AT_1000 = 20;

export async function benchValidate(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  for (const [size, iterations] of [
    [100, 50],
    [1_000, 30],
    [5_000, 10],
  ] as const) {
    const flow = load(generateFlow(size));
    // Warm up the JIT so the runs measure steady-state speed, not compilation.
    timeRuns(Math.max(5, iterations), () => validateFlow(flow));
    const runs = timeRuns(iterations, () => validateFlow(flow));
    const figure: BenchFigure = { name: `validateFlow, ${size.toLocaleString('en')} nodes`, unit: 'ms', runs };
    if (size === 1_000) {
      figure.goal = `< ${GOAL_MS_AT_1000} ms median`;
      figure.goalMet = median(runs) < GOAL_MS_AT_1000;
    }
    figures.push(figure);
  }
  const document = JSON.parse(JSON.stringify(generateFlow(1_000)));
  timeRuns(30, () => loadFlow(document));
  figures.push({ name: 'loadFlow, 1,000 nodes', unit: 'ms', runs: timeRuns(30, () => loadFlow(document)) });
  return figures;
}

function load(document: unknown): Flow {
  const loaded = loadFlow(document);
  if (!loaded.ok) throw new Error(`the generated flow does not load: ${loaded.error.message}`);
  return loaded.flow;
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  return script !== undefined && realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
}

if (isEntryPoint()) {
  for (const figure of await benchValidate()) {
    const { min, median: mid, max } = summarize(figure);
    const goal = figure.goal === undefined ? '' : `  goal ${figure.goal}: ${figure.goalMet ? 'met' : 'NOT met'}`;
    console.log(
      `${figure.name.padEnd(28)} ${min.toFixed(2)} – ${mid.toFixed(2)} – ${max.toFixed(2)} ${figure.unit}${goal}`,
    );
  }
}
