// 3 of the benchmark brief: outbound pacing. A backlog of replies to distinct
// customers drained at 80/s and at 1,000/s; the achieved rate must stay within
// 2% of the configured rate, never exceed it in any one-second window, and
// cause no throughput or pair-rate errors at the simulator.
import autocannon from 'autocannon';
import type { BenchFigure } from './figure.ts';
import { BENCH, request, startSystem, waitForSends } from './runtime-under-load.ts';
import { buttonReplyWebhook, sign } from './webhook-load.ts';

const CONVERSATIONS = Number(process.env.BENCH_PACING_CONVERSATIONS ?? 2_500);
/** Each conversation gets the bot's disclosure and its reply: 5,000 messages for 2,500 customers. */
const MESSAGES = CONVERSATIONS * 2;

export async function benchPacing(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  for (const rate of [80, 1000]) {
    const result = await drainAt(rate);
    const withinTwoPercent = Math.abs(result.achieved - rate) / rate <= 0.02;
    figures.push(
      {
        name: `pacing ${rate}/s: achieved rate`,
        unit: 'msg/s',
        runs: [result.achieved],
        goal: `within 2% of ${rate}`,
        goalMet: withinTwoPercent,
      },
      {
        name: `pacing ${rate}/s: busiest one-second window`,
        unit: 'msg',
        runs: [result.busiestSecond],
        goal: `≤ ${rate}`,
        goalMet: result.busiestSecond <= rate,
      },
      {
        name: `pacing ${rate}/s: 130429/131056 errors and missing`,
        unit: 'count',
        runs: [result.errors],
        goal: '0',
        goalMet: result.errors === 0,
      },
    );
  }
  return figures;
}

async function drainAt(rate: number) {
  // The simulator enforces the same cap, so any excess shows up as 130429.
  const system = await startSystem(rate, rate);
  try {
    const first = 13_000_000_000 + rate * 10_000;
    await request(system.simulator.url, 'POST', `/_bench/inbound?first=${first}&count=${CONVERSATIONS}`);
    let seq = 0;
    await autocannon({
      url: `${system.runtime.url}/webhooks/whatsapp`,
      connections: 20,
      amount: CONVERSATIONS,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => {
            seq += 1;
            const body = buttonReplyWebhook(String(first + seq), 'track_order', first + seq);
            return {
              ...req,
              body,
              headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(body, BENCH.secret) },
            };
          },
        },
      ],
    });
    const rows = await waitForSends(system.simulator.url, MESSAGES, 10_000, (MESSAGES / rate) * 1000 + 60_000);
    const accepted = rows
      .filter((row) => row[2] === 200)
      .map((row) => row[0])
      .sort((a, b) => a - b);
    const limitErrors = rows.filter((row) => row[3] === 130429 || row[3] === 131056).length;
    // The steady rate: the first second is the ramp-up while the backlog is still arriving, so measure after it.
    const start = accepted[0] ?? 0;
    const steady = accepted.filter((at) => at >= start + 1000);
    const span = ((steady.at(-1) ?? start) - (steady[0] ?? start)) / 1000;
    return {
      achieved: span > 0 ? (steady.length - 1) / span : Number.NaN,
      busiestSecond: busiestWindow(accepted, 1000),
      errors: limitErrors + Math.max(0, MESSAGES - accepted.length),
    };
  } finally {
    await system.stop();
  }
}

/** The most timestamps that fall in any window of `windowMs` (two pointers over sorted times). */
function busiestWindow(sorted: number[], windowMs: number): number {
  let best = 0;
  let left = 0;
  for (let right = 0; right < sorted.length; right++) {
    while ((sorted[right] ?? 0) - (sorted[left] ?? 0) >= windowMs) left += 1;
    best = Math.max(best, right - left + 1);
  }
  return best;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const figure of await benchPacing()) console.log(figure.name, figure.runs.join(' '), figure.unit);
}
