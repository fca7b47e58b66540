import { createTokenBucket, type TokenBucket } from './token-bucket.ts';

export type PairRates = {
  /** Takes one of the contact's tokens at `now`, or says how many ms until one is there. */
  take: (contactKey: string, now: number) => { ok: true } | { ok: false; waitMs: number };
  /**
   * Meta said this contact had too many messages (131056): their bucket is
   * emptied, never refilled at once, so the next message waits its full refill.
   */
  empty: (contactKey: string, now: number) => void;
  /** Drops every bucket that has refilled; cheap to call often (it looks at most once a second). */
  sweep: (now: number) => void;
  /** Contacts with state held, for tests and the health page. */
  size: () => number;
};

/** How often the buckets are looked over: often enough that memory tracks recent contacts only. */
const SWEEP_EVERY_MS = 1000;

/**
 * One token bucket per contact for Meta's pair rate. A bucket that has
 * refilled holds no information (a new one would be identical), so it is
 * dropped: the map holds only the contacts messaged within one refill time,
 * not every contact ever messaged.
 */
export function createPairRates(burst: number, perSecond: number): PairRates {
  const buckets = new Map<string, TokenBucket>();
  let sweptAt = Number.NEGATIVE_INFINITY;

  const sweep = (now: number) => {
    if (now - sweptAt < SWEEP_EVERY_MS) return;
    sweptAt = now;
    for (const [contactKey, bucket] of buckets) {
      if (bucket.full(now)) buckets.delete(contactKey);
    }
  };

  return {
    take: (contactKey, now) => {
      sweep(now);
      let bucket = buckets.get(contactKey);
      if (!bucket) {
        bucket = createTokenBucket(burst, perSecond, now);
        buckets.set(contactKey, bucket);
      }
      return bucket.take(now);
    },
    empty: (contactKey, now) => {
      let bucket = buckets.get(contactKey);
      if (!bucket) {
        bucket = createTokenBucket(burst, perSecond, now);
        buckets.set(contactKey, bucket);
      }
      bucket.drain(now);
    },
    sweep,
    size: () => buckets.size,
  };
}
