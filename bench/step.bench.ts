// Times one engine step on each example flow: the customer's reply to the
// first thing the flow asks (a tap on its first option, or a typed answer).
// `pnpm bench` calls benchStep(); `tsx bench/step.bench.ts` runs it alone.
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type EngineInput, offeredChoices, type Session, startSession, step, tapMessage } from '@parley/flow-engine';
import { type Flow, loadFlow } from '@parley/flow-schema';
import { type BenchFigure, median, summarize } from './figure.ts';

const GOAL_US = 50;
const BATCHES = 40;
const STEPS_PER_BATCH = 250;
const examples = fileURLToPath(new URL('../examples/', import.meta.url));

type Case = { name: string; flow: Flow; session: Session; input: EngineInput };

/** Starts the flow from each trigger in turn and keeps the first conversation that waits for the customer. */
function prepare(file: string): Case | undefined {
  const loaded = loadFlow(JSON.parse(readFileSync(join(examples, file), 'utf8')));
  if (!loaded.ok) return undefined;
  const flow = loaded.flow;
  for (const trigger of flow.triggers) {
    const input: EngineInput =
      trigger.kind === 'event'
        ? { type: 'event', name: trigger.event, data: { order_id: '1001', carrier: 'DHL' } }
        : {
            type: 'message',
            message: {
              kind: 'text',
              id: 'wamid.1',
              text: trigger.kind === 'keyword' ? (trigger.keywords[0] ?? 'hi') : 'hello',
            },
          };
    let id = 0;
    const ctx = { now: Date.UTC(2026, 2, 1, 9), newId: (p: string) => `${p}-${++id}` };
    const started = startSession({ flow, flowVersion: 1, contact: { id: 'c', name: 'Maria' }, trigger, input, ctx });
    if (started.session.waiting?.on !== 'reply') continue;
    const lastSend = started.effects.findLast((e) => e.type === 'send');
    const choice = lastSend?.type === 'send' ? offeredChoices(lastSend.payload, flow)[0] : undefined;
    const reply: EngineInput = {
      type: 'message',
      message: choice ? tapMessage(choice, 'wamid.2') : { kind: 'text', id: 'wamid.2', text: '42' },
    };
    return { name: `step, ${file} (${trigger.id})`, flow, session: started.session, input: reply };
  }
  return undefined;
}

function timeStep({ flow, session, input }: Case): number[] {
  let id = 0;
  const ctx = { now: Date.UTC(2026, 2, 1, 9, 5), newId: (p: string) => `${p}-${++id}` };
  const batch = () => {
    const start = performance.now();
    for (let i = 0; i < STEPS_PER_BATCH; i++) step(flow, session, input, ctx);
    return ((performance.now() - start) * 1000) / STEPS_PER_BATCH;
  };
  // Warm up the JIT so the runs measure steady-state speed, not compilation.
  for (let i = 0; i < 10; i++) batch();
  return Array.from({ length: BATCHES }, batch);
}

export async function benchStep(): Promise<BenchFigure[]> {
  // The `.broken.json` examples show validation errors; they are not meant to run.
  const files = readdirSync(examples).filter((f) => /^[a-z0-9-]+\.json$/.test(f));
  return files.flatMap((file) => {
    const prepared = prepare(file);
    if (prepared === undefined) return [];
    const runs = timeStep(prepared);
    return [{ name: prepared.name, unit: 'µs', runs, goal: `< ${GOAL_US} µs median`, goalMet: median(runs) < GOAL_US }];
  });
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  return script !== undefined && realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
}

if (isEntryPoint()) {
  for (const figure of await benchStep()) {
    const { min, median: mid, max } = summarize(figure);
    const goal = figure.goal === undefined ? '' : `  goal ${figure.goal}: ${figure.goalMet ? 'met' : 'NOT met'}`;
    console.log(
      `${figure.name.padEnd(34)} ${min.toFixed(2)} – ${mid.toFixed(2)} – ${max.toFixed(2)} ${figure.unit}${goal}`,
    );
  }
}
