import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failNext, outbound, postEvent, queryDatabase, sendsTo, templatesReceived, visits, WAYS } from './both-ways.ts';
import { type RuntimeUnderTest, readFixture, startRuntimeUnderTest, waitFor } from './runtime-under-test.ts';

let rt: RuntimeUnderTest;
beforeEach(async () => {
  rt = await startRuntimeUnderTest();
  await rt.publish(readFixture('notify.json'));
});
afterEach(async () => {
  await rt.close();
});

const SECOND = 1_000;

/** Moves both clocks in steps until the check passes, so backoffs pass without sleeping. */
async function until<T>(what: string, check: () => Promise<T | undefined> | T | undefined, stepMs: number) {
  return waitFor(
    what,
    async () => {
      const value = await check();
      if (value !== undefined) return value;
      await rt.advance(stepMs);
      return undefined;
    },
    15_000,
  );
}

describe.each(WAYS)('131056 (pair rate) reported %s', (way) => {
  it("retries that customer alone with growing backoff, a bounded number of times; others' messages go", async () => {
    const busy = '4915112370001';
    const other = '4915112370002';
    // More failures than the runtime will ever try: the bound, not the simulator, ends it.
    failNext(rt, way, busy, 131056, { count: 20 });
    await postEvent(rt, 'update', busy);
    await postEvent(rt, 'update', other);
    // Nobody else waits for the busy customer's backoff: no clock has moved yet.
    await waitFor('the other customer’s update', () => templatesReceived(rt, other).includes('order_update'));

    // The flow hears when the message is refused for good.
    await until(
      'the busy customer’s update to fail for good',
      async () => ((await visits(rt, 'notify')).told_rejected === 1 ? true : undefined),
      2 * SECOND,
    );
    const times = sendsTo(rt, busy).map((request) => request.at);
    expect(times).toHaveLength(6);
    const gaps = times.slice(1).map((at, index) => at - (times[index] ?? at));
    // 4^n seconds apart (never less than the pair rate's refill), each wait longer than the last.
    gaps.forEach((gap, n) => {
      expect(gap).toBeGreaterThanOrEqual(SECOND * 4 ** n);
    });
    expect(gaps[4]).toBeGreaterThan(gaps[3] ?? 0);
    expect(gaps[3]).toBeGreaterThan(gaps[2] ?? 0);
    expect(templatesReceived(rt, busy)).toEqual([]);
    // Given up: long after, nothing more was tried.
    await rt.advance(3_600_000);
    expect(sendsTo(rt, busy)).toHaveLength(6);
  });
});

describe('a send whose fate is unknown (no answer in time)', () => {
  it.each([
    ['confirmed by its delivered status, never resent', undefined, 'read', 'done', /^no answer from the Cloud API/],
    [
      'given the reaction its late failed status calls for, never resent',
      131026,
      'failed',
      'told_undeliverable',
      /^131026 Message undeliverable/,
    ],
  ])('is %s', async (_name, lateCode, status, reached, lastError) => {
    const phone = '4915112370003';
    // Meta takes the send but answers after the runtime stopped waiting (300 ms).
    rt.simulator.faults.inject({ kind: 'delay', delayMs: 450, count: 1 });
    if (lateCode !== undefined) rt.simulator.faults.failLater(phone, { code: lateCode });
    await postEvent(rt, 'update', phone);
    await waitFor(`the ${status} status to be applied`, async () => {
      const log = await outbound(rt, phone);
      return log.length === 1 && log[0]?.status === status ? true : undefined;
    });
    // What the runtime knew of the send: no answer, then what the status said (no API shows it).
    expect(queryDatabase(rt, 'select last_error from outbox')).toEqual([
      { last_error: expect.stringMatching(lastError) },
    ]);
    // Long past the 20 s the runtime waits for a status before resending: nothing went again.
    await rt.advance(30_000);
    await rt.advance(30_000);
    await rt.advance(30 * 60_000);
    expect(sendsTo(rt, phone)).toHaveLength(1);
    expect(await visits(rt, 'notify')).toMatchObject({ [reached]: 1 });
  });
});
