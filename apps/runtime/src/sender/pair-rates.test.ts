import { describe, expect, it } from 'vitest';
import { createPairRates } from './pair-rates.ts';
import { createTokenBucket } from './token-bucket.ts';

const BURST = 3;
const PER_SECOND = 1 / 6;
/** From empty to full: BURST tokens at one per six seconds. */
const REFILL_MS = 18_000;

describe('createPairRates', () => {
  it('lets go of every contact once its bucket has refilled', () => {
    const pairs = createPairRates(BURST, PER_SECOND);
    for (let i = 0; i < 1000; i++) {
      for (let n = 0; n <= BURST; n++) pairs.take(`contact-${i}`, 0);
    }
    expect(pairs.size()).toBe(1000);
    pairs.sweep(REFILL_MS - 1000);
    expect(pairs.size()).toBe(1000);
    pairs.sweep(REFILL_MS);
    expect(pairs.size()).toBe(0);
  });

  it('sweeps on use too, so contacts messaged long ago do not pile up', () => {
    const pairs = createPairRates(BURST, PER_SECOND);
    for (let i = 0; i < 100; i++) pairs.take(`old-${i}`, 0);
    pairs.take('new', REFILL_MS);
    expect(pairs.size()).toBe(1);
  });

  it('paces a contact exactly as a bucket that is never dropped', () => {
    const pairs = createPairRates(BURST, PER_SECOND);
    const kept = createTokenBucket(BURST, PER_SECOND, 0);
    // Bursts, waits shorter and longer than the refill time, and sweeps between them.
    const times = [0, 0, 0, 0, 5_999, 6_000, 7_000, 30_000, 30_000, 30_500, 31_000, 31_000, 100_000, 100_000];
    const swept: boolean[] = [];
    const got = times.map((at) => {
      pairs.sweep(at);
      swept.push(pairs.size() === 0);
      return pairs.take('maria', at);
    });
    expect(got).toEqual(times.map((at) => kept.take(at)));
    // The comparison covered a dropped-and-recreated bucket, not just one kept throughout.
    expect(swept.slice(1)).toContain(true);
  });
});
