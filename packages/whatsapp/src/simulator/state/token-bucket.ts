/**
 * A token bucket on the simulator's clock: `capacity` tokens, refilled at
 * `refillPerMs`. Used for the per-number throughput (80 mps) and the
 * per-recipient pair rate (1 per 6 s, bursts of 45), reference §6.2.
 */
export type TokenBucket = {
  take(now: number): boolean;
  /** Whether the bucket has refilled to capacity, i.e. is indistinguishable from a new one. */
  isFull(now: number): boolean;
};

export function createTokenBucket(capacity: number, refillPerMs: number, startAt: number): TokenBucket {
  let tokens = capacity;
  let updatedAt = startAt;
  return {
    take(now) {
      if (now > updatedAt) {
        tokens = Math.min(capacity, tokens + (now - updatedAt) * refillPerMs);
        updatedAt = now;
      }
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
    isFull(now) {
      return tokens + Math.max(0, now - updatedAt) * refillPerMs >= capacity;
    },
  };
}
