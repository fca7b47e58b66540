import { describe, expect, it } from 'vitest';
import { createTokenBucket } from './token-bucket.ts';

describe('createTokenBucket', () => {
  it('allows a burst of its capacity, then one token per refill interval', () => {
    const bucket = createTokenBucket(3, 2, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0)].every((r) => r.ok)).toBe(true);
    expect(bucket.take(0)).toEqual({ ok: false, waitMs: 500 });
    expect(bucket.take(499).ok).toBe(false);
    expect(bucket.take(500).ok).toBe(true);
  });

  it('never holds more than its capacity after a long pause', () => {
    const bucket = createTokenBucket(2, 1, 0);
    const taken = [1, 2, 3].map(() => bucket.take(60_000).ok);
    expect(taken).toEqual([true, true, false]);
  });

  it('says it is full only once it has refilled to capacity', () => {
    const bucket = createTokenBucket(2, 1, 0);
    expect(bucket.full(0)).toBe(true);
    bucket.take(0);
    bucket.take(0);
    expect(bucket.full(1999)).toBe(false);
    expect(bucket.full(2000)).toBe(true);
  });
});
