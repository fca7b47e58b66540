import { describe, expect, it } from 'vitest';
import { createRateLimits } from './rate-limits.ts';

const PNID = '106540352242922';
const config = { throughputPerSecond: 1_000_000, pairRate: { intervalMs: 6000, burst: 2 }, tierLimit: null };

describe('pair-rate buckets in a long-running simulator', () => {
  it('forgets recipients whose budget has refilled, and only those', () => {
    const limits = createRateLimits(config);
    let now = 0;
    // The recipient still inside its pair-rate limit must keep that state through sweeps.
    expect([limits.admit(PNID, 'busy', now).ok, limits.admit(PNID, 'busy', now).ok]).toEqual([true, true]);
    for (let i = 0; i < 3000; i += 1) {
      now += 1;
      limits.admit(PNID, `recipient-${i}`, now);
    }
    now += 1;
    expect(limits.admit(PNID, 'busy', now)).toMatchObject({ ok: false, code: 131056 });

    now += 12_000;
    limits.admit(PNID, 'late-1', now);
    for (let i = 0; i < 3000; i += 1) limits.admit(PNID, `late-${i}`, now);

    expect(limits.trackedPairs()).toBeLessThan(3100);
    expect(limits.trackedPairs()).toBeGreaterThanOrEqual(3000);
  });

  it('keeps one bucket per recipient while the map is small', () => {
    const limits = createRateLimits(config);
    for (let i = 0; i < 100; i += 1) limits.admit(PNID, `r-${i}`, 0);
    expect(limits.trackedPairs()).toBe(100);
  });
});
