// 1 and 2 of the benchmark brief: webhook to reply, end to end, beside a bare
// Hono webhook receiver measured in the same run.
import { type BenchFigure, median } from './figure.ts';
import { peakRssMb, startServer } from './processes.ts';
import { BENCH, request, sendsSeen, startSystem, waitForSends } from './runtime-under-load.ts';
import { loadWebhooks } from './webhook-load.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const DURATION_SEC = Number(process.env.BENCH_DURATION ?? 8);
const CONNECTIONS = 50;
/** Bot messages per conversation: the bot label's disclosure, then the reply. */
const MESSAGES_PER_WEBHOOK = 2;

export async function benchWebhook(): Promise<BenchFigure[]> {
  const baseline = await measureBaseline();
  const parley = await measureParley();
  const ratio = median(parley.acked) / median(baseline.acked);
  return [
    { name: 'baseline: webhooks acknowledged', unit: 'req/s', runs: baseline.acked },
    { name: 'baseline: ack latency p99', unit: 'ms', runs: baseline.p99 },
    {
      name: 'parley: webhooks acknowledged',
      unit: 'req/s',
      runs: parley.acked,
      baseline: { name: 'baseline: webhooks acknowledged', higherIsBetter: true },
      goal: '≥ 0.5× baseline',
      goalMet: ratio >= 0.5,
    },
    { name: 'parley: ack latency p50', unit: 'ms', runs: parley.p50 },
    {
      name: 'parley: ack latency p99',
      unit: 'ms',
      runs: parley.p99,
      baseline: { name: 'baseline: ack latency p99', higherIsBetter: false },
    },
    { name: 'parley: replies reaching the simulator', unit: 'msg/s', runs: parley.repliesPerSecond },
    { name: 'parley: webhook → first reply lag p50', unit: 'ms', runs: parley.lagP50 },
    { name: 'parley: webhook → first reply lag p99', unit: 'ms', runs: parley.lagP99 },
    {
      name: 'parley: errors and missing replies',
      unit: 'count',
      runs: parley.errors,
      goal: '0',
      goalMet: median(parley.errors) === 0,
    },
    { name: 'parley: runtime peak RSS', unit: 'MB', runs: [parley.peakRss] },
  ];
}

async function measureBaseline() {
  const server = await startServer('bench/baseline-server.ts', { BENCH_APP_SECRET: BENCH.secret, PORT: '0' });
  const acked: number[] = [];
  const p99: number[] = [];
  try {
    await loadWebhooks({
      url: server.url,
      secret: BENCH.secret,
      connections: CONNECTIONS,
      durationSec: 2,
      replyId: 'track_order',
      firstCustomer: 19_000_000_000,
    });
    for (let run = 0; run < RUNS; run++) {
      const result = await loadWebhooks({
        url: server.url,
        secret: BENCH.secret,
        connections: CONNECTIONS,
        durationSec: DURATION_SEC,
        replyId: 'track_order',
        firstCustomer: 18_000_000_000 + run * 1_000_000,
      });
      acked.push(result.acknowledged / DURATION_SEC);
      p99.push(result.p99Ms);
    }
  } finally {
    await server.stop();
  }
  return { acked, p99 };
}

async function measureParley() {
  // Meta caps a number at 80–1,000 msg/s; here both caps are lifted so the figure is Parley's own capacity.
  const system = await startSystem(20_000, 20_000);
  const out: Record<'acked' | 'p50' | 'p99' | 'repliesPerSecond' | 'lagP50' | 'lagP99' | 'errors', number[]> & {
    peakRss: number;
  } = {
    acked: [],
    p50: [],
    p99: [],
    repliesPerSecond: [],
    lagP50: [],
    lagP99: [],
    errors: [],
    peakRss: 0,
  };
  try {
    for (let run = 0; run < RUNS; run++) {
      const firstCustomer = 12_000_000_000 + run * 1_000_000;
      await request(system.simulator.url, 'POST', `/_bench/inbound?first=${firstCustomer}&count=200000`);
      const before = (await sendsSeen(system.simulator.url)).length;
      const startedAt = Date.now();
      const load = await loadWebhooks({
        url: system.runtime.url,
        secret: BENCH.secret,
        connections: CONNECTIONS,
        durationSec: DURATION_SEC,
        replyId: 'track_order',
        firstCustomer,
      });
      const expected = before + load.acknowledged * MESSAGES_PER_WEBHOOK;
      const rows = (await waitForSends(system.simulator.url, expected)).slice(before);
      const firstReply = new Map<string, number>();
      let lastAt = startedAt;
      let failedSends = 0;
      for (const [at, recipient, status] of rows) {
        if (status !== 200) failedSends += 1;
        if (!firstReply.has(recipient)) firstReply.set(recipient, at);
        lastAt = Math.max(lastAt, at);
      }
      const lags = [...firstReply].flatMap(([recipient, at]) => {
        const sent = load.sentAt.get(recipient);
        return sent === undefined ? [] : [at - sent];
      });
      const delivered = rows.length - failedSends;
      out.acked.push(load.acknowledged / DURATION_SEC);
      out.p50.push(load.p50Ms);
      out.p99.push(load.p99Ms);
      out.repliesPerSecond.push(delivered / ((lastAt - startedAt) / 1000));
      out.lagP50.push(percentile(lags, 0.5));
      out.lagP99.push(percentile(lags, 0.99));
      out.errors.push(
        load.non2xx + load.errors + failedSends + Math.max(0, load.acknowledged * MESSAGES_PER_WEBHOOK - delivered),
      );
    }
    out.peakRss = peakRssMb(system.runtime.child.pid);
  } finally {
    await system.stop();
  }
  return out;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const figure of await benchWebhook())
    console.log(figure.name, figure.runs.map((r) => r.toFixed(1)).join(' '), figure.unit);
}
