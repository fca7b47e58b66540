// 5 of the benchmark brief: the scale of state. 100,000 conversations stored
// mid-flow (sessions made by the real engine from the welcome example, with
// their contacts) in a real SQLite file; then the runtime is started on that
// file as its own process and asked about some of them. Reports the database
// bytes per conversation and the runtime's peak RSS, beside the RSS of the
// same runtime on an empty database.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Session, startSession, step } from '@parley/flow-engine';
import { type Flow, loadFlow } from '@parley/flow-schema';
import { openDatabase } from '@parley/runtime';
import Database from 'better-sqlite3';
import type { BenchFigure } from './figure.ts';
import { peakRssMb, repoRoot, runtimeEntry, startServer } from './processes.ts';
import { BENCH, request } from './runtime-under-load.ts';

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 100_000);

export async function benchState(): Promise<BenchFigure[]> {
  const flow = welcomeFlow();
  const empty = await runtimeRss(createDatabase(flow, 0).path, []);
  const full = createDatabase(flow, SESSIONS);
  const probes = [1, Math.floor(SESSIONS / 2), SESSIONS].map(phoneOf);
  const loaded = await runtimeRss(full.path, probes);
  const perSession = full.bytes / SESSIONS;
  return [
    { name: 'state: runtime peak RSS, empty database', unit: 'MB', runs: [empty] },
    {
      name: `state: runtime peak RSS, ${SESSIONS.toLocaleString('en')} sessions`,
      unit: 'MB',
      runs: [loaded],
      baseline: { name: 'state: runtime peak RSS, empty database', higherIsBetter: false },
      goal: '< 150 MB',
      goalMet: loaded < 150,
    },
    {
      name: 'state: database bytes per session (with its contact)',
      unit: 'B',
      runs: [perSession],
      goal: '< 2 KB',
      goalMet: perSession < 2048,
    },
    { name: 'state: writing the sessions', unit: 'sessions/s', runs: [SESSIONS / (full.writeMs / 1000)] },
  ];
}

function welcomeFlow(): Flow {
  const loaded = loadFlow(JSON.parse(readFileSync(join(repoRoot, 'examples', 'welcome.json'), 'utf8')));
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.flow;
}

const phoneOf = (i: number) => String(14_000_000_000 + i);

/** A conversation two answers in: the customer said hi, tapped "Find a bike" and gave a name. */
function midFlowSession(flow: Flow, i: number): Session {
  let n = 0;
  const ctx = { now: 1_764_000_000_000 + i * 1000, newId: (prefix: string) => `${prefix}-${i}-${++n}` };
  const contact = { id: phoneOf(i), phone: phoneOf(i), name: `Customer ${i}` };
  const hi = { type: 'message' as const, message: { kind: 'text' as const, id: `wamid.hi.${i}`, text: 'hi' } };
  let { session } = startSession({ flow, flowVersion: 1, contact, trigger: { start: 'greeting' }, input: hi, ctx });
  const tap = { kind: 'button_reply' as const, id: `wamid.tap.${i}`, replyId: 'find_bike', title: 'Find a bike' };
  session = step(flow, session, { type: 'message', message: tap }, ctx).session;
  const name = { kind: 'text' as const, id: `wamid.name.${i}`, text: `Maria ${i}` };
  return step(flow, session, { type: 'message', message: name }, ctx).session;
}

function createDatabase(flow: Flow, count: number): { path: string; bytes: number; writeMs: number } {
  const path = join(mkdtempSync(join(tmpdir(), 'parley-state-')), 'parley.db');
  openDatabase(path).close();
  const sqlite = new Database(path);
  const now = Date.now();
  const document = JSON.stringify(flow);
  sqlite
    .prepare('INSERT INTO flows (id, name, description, draft, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(flow.id, flow.name, flow.description, document, now, now);
  sqlite
    .prepare('INSERT INTO flow_versions (flow_id, version, document, published_at) VALUES (?, 1, ?, ?)')
    .run(flow.id, document, now);
  const before = size(sqlite);
  const contact = sqlite.prepare(
    'INSERT INTO contacts (key, phone, name, last_inbound_at, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const insert = sqlite.prepare(
    'INSERT INTO sessions (id, contact_key, flow_id, flow_version, status, state, started_at, updated_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?)',
  );
  const started = performance.now();
  const batch = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const session = midFlowSession(flow, i + 1);
      contact.run(
        session.contact.id,
        session.contact.phone,
        session.contact.name,
        session.lastInboundAt,
        session.startedAt,
      );
      insert.run(
        session.id,
        session.contact.id,
        flow.id,
        session.status,
        JSON.stringify(session),
        session.startedAt,
        session.updatedAt,
      );
    }
  });
  for (let from = 0; from < count; from += 5_000) batch(from, Math.min(count, from + 5_000));
  const writeMs = performance.now() - started;
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const bytes = size(sqlite) - before;
  sqlite.close();
  return { path, bytes, writeMs };
}

function size(sqlite: Database.Database): number {
  const pages = Number(sqlite.pragma('page_count', { simple: true }));
  const pageSize = Number(sqlite.pragma('page_size', { simple: true }));
  return pages * pageSize;
}

async function runtimeRss(dbPath: string, probes: string[]): Promise<number> {
  const runtime = await startServer(runtimeEntry(), {
    PORT: '0',
    PARLEY_DB: dbPath,
    PARLEY_ADMIN_TOKEN: BENCH.admin,
    WA_ACCESS_TOKEN: BENCH.token,
    WA_PHONE_NUMBER_ID: BENCH.phoneNumberId,
    WA_APP_SECRET: BENCH.secret,
    WA_VERIFY_TOKEN: 'bench-verify',
    WA_GRAPH_URL: 'http://127.0.0.1:9',
  });
  try {
    for (const phone of probes)
      await request(runtime.url, 'GET', `/api/contacts/${phone}/conversations`, undefined, BENCH.admin);
    await request(runtime.url, 'GET', '/api/flows', undefined, BENCH.admin);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    return peakRssMb(runtime.child.pid);
  } finally {
    await runtime.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const figure of await benchState())
    console.log(figure.name, figure.runs.map((r) => r.toFixed(1)).join(' '), figure.unit);
}
