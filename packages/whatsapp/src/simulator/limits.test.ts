import { describe, expect, it } from 'vitest';
import { GraphErrorEnvelope } from '../schemas/graph/error.ts';
import { editableFixture } from '../testing/fixtures.ts';
import { FIXTURE_TEMPLATES } from '../testing/seed-templates.ts';
import { createSimulator } from './create-simulator.ts';
import { SIMULATED_MESSAGING_LIMIT_CODE, type SimulatorOptions } from './options.ts';

const PNID = '106540352242922';

/** A simulator on a frozen clock: nothing refills unless the test moves time. */
function frozen(options: SimulatorOptions = {}) {
  return createSimulator({
    clock: { now: () => Date.UTC(2026, 10, 1) },
    statusDelayMs: 0,
    templates: FIXTURE_TEMPLATES,
    ...options,
  });
}

async function send(sim: ReturnType<typeof createSimulator>, to: string, kind: 'text' | 'template' = 'text') {
  const body = editableFixture(kind === 'text' ? 'send-text.request.json' : 'send-template-positional.request.json');
  body.to = to;
  const response = await sim.app.request(`/v25.0/${PNID}/messages`, {
    method: 'POST',
    headers: { authorization: 'Bearer sim-access-token', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json: unknown = await response.json();
  const error = GraphErrorEnvelope.safeParse(json);
  return { status: response.status, code: error.success ? error.data.error.code : undefined };
}

const number = (i: number) => `+1650555${String(i).padStart(4, '0')}`;

describe('throughput per number (130429)', () => {
  it('takes a burst up to the rate, then answers 429 until time passes', async () => {
    const sim = frozen({ throughputPerSecond: 5 });
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await send(sim, number(i)));
    expect(results.slice(0, 5).every((r) => r.status === 200)).toBe(true);
    expect(results[5]).toEqual({ status: 429, code: 130429 });
    sim.clock.advance(200);
    expect((await send(sim, number(7))).status).toBe(200);
    expect((await send(sim, number(8))).code).toBe(130429);
    sim.close();
  });
});

describe('pair rate per recipient (131056)', () => {
  it('allows a burst to one customer, then refuses only that customer until 6 s pass', async () => {
    const sim = frozen({ pairRate: { intervalMs: 6000, burst: 3 } });
    const same = [];
    for (let i = 0; i < 4; i++) same.push((await send(sim, number(1))).code);
    expect(same).toEqual([undefined, undefined, undefined, 131056]);
    expect((await send(sim, number(2))).status).toBe(200);
    sim.clock.advance(6000);
    expect((await send(sim, number(1))).status).toBe(200);
    expect((await send(sim, number(1))).code).toBe(131056);
    sim.close();
  });

  it('defaults to Meta’s burst of 45', async () => {
    const sim = frozen();
    const codes = [];
    for (let i = 0; i < 46; i++) codes.push((await send(sim, number(1))).code);
    expect(codes.filter((c) => c === undefined)).toHaveLength(45);
    expect(codes[45]).toBe(131056);
    sim.close();
  });
});

describe('business-initiated tier limit', () => {
  it('fails the send to one user too many outside the window, asynchronously by default', async () => {
    const sim = frozen({ tierLimit: { uniqueUsers: 2 } });
    const failures: number[] = [];
    sim.customer.subscribe(number(3), (event) => {
      if (event.type === 'status' && event.status === 'failed' && event.errorCode) failures.push(event.errorCode);
    });
    for (const i of [1, 2, 1, 3]) expect((await send(sim, number(i), 'template')).status).toBe(200);
    await sim.idle();
    // Meta documents no code for this limit; the default must not pass for the per-user marketing limit.
    expect(failures).toEqual([SIMULATED_MESSAGING_LIMIT_CODE]);
    expect(SIMULATED_MESSAGING_LIMIT_CODE).not.toBe(131049);
    expect(sim.customer.received(number(1))).toHaveLength(2);
    sim.close();
  });

  it('says in the failed status what the simulator’s own code stands for', async () => {
    const sim = frozen({ tierLimit: { uniqueUsers: 0 } });
    await send(sim, number(1), 'template');
    await sim.idle();
    const failed = JSON.stringify(sim.webhooks.log.map((d) => d.payload));
    expect(failed).toContain(`"code":${SIMULATED_MESSAGING_LIMIT_CODE},"title":"Messaging limit reached"`);
    expect(failed).toContain('messaging limit of 0 unique users');
    sim.close();
  });

  it('does not count users whose window is open, and frees a slot after 24 h', async () => {
    const sim = frozen({ tierLimit: { uniqueUsers: 1, mode: 'sync', errorCode: 131048 } });
    await sim.customer.sendText(number(1), 'hi');
    expect((await send(sim, number(1), 'template')).status).toBe(200);
    expect((await send(sim, number(2), 'template')).status).toBe(200);
    expect((await send(sim, number(3), 'template')).code).toBe(131048);
    sim.clock.advance(24 * 60 * 60 * 1000);
    expect((await send(sim, number(3), 'template')).status).toBe(200);
    sim.close();
  });

  it('can be turned off', async () => {
    const sim = frozen({ tierLimit: null });
    for (let i = 0; i < 30; i++) expect((await send(sim, number(i), 'template')).status).toBe(200);
    sim.close();
  });
});

describe('faults and clock', () => {
  it('answers the next N sends with the chosen code, then recovers', async () => {
    const sim = frozen();
    sim.faults.inject({ kind: 'error', code: 131000, count: 2 });
    sim.faults.inject({ kind: 'error', code: 2, count: 1 });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push(await send(sim, number(i)));
    expect(codes).toEqual([
      { status: 500, code: 131000 },
      { status: 500, code: 131000 },
      { status: 503, code: 2 },
      { status: 200, code: undefined },
    ]);
    sim.close();
  });

  it('uses a chosen HTTP status when given', async () => {
    const sim = frozen();
    sim.faults.inject({ kind: 'error', code: 131056, httpStatus: 429 });
    expect(await send(sim, number(1))).toEqual({ status: 429, code: 131056 });
    sim.close();
  });

  it('leaves other routes alone unless the fault says all', async () => {
    const sim = frozen();
    sim.faults.inject({ kind: 'error', code: 1, count: 1 });
    const get = await sim.app.request(`/v25.0/${PNID}`, { headers: { authorization: 'Bearer sim-access-token' } });
    expect(get.status).toBe(200);
    expect(sim.faults.pending()).toHaveLength(1);
    sim.close();
  });

  it('keeps only the newest records when told to', async () => {
    const sim = frozen({ maxRecords: 3 });
    for (let i = 0; i < 5; i++) await send(sim, number(i));
    expect(sim.requests.list().map((r) => r.seq)).toEqual([3, 4, 5]);
    sim.close();
  });

  it('moves its clock over HTTP and never backwards', async () => {
    const sim = frozen();
    const start = sim.clock.now();
    const post = (body: unknown) =>
      sim.app.request('/_sim/clock', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect(await (await post({ advanceMs: 25 * 3_600_000 })).json()).toEqual({ now: start + 25 * 3_600_000 });
    expect(await (await post({ now: start })).json()).toEqual({ now: start + 25 * 3_600_000 });
    expect((await post({ advanceMs: -1 })).status).toBe(400);
    sim.close();
  });
});
