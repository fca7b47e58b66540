/**
 * A token bucket on the injected clock: `capacity` tokens, refilled at
 * `perSecond`. Used for the number's throughput and each contact's pair rate.
 */
export type TokenBucket = {
  /** Takes a token if one is there; otherwise returns how many ms until one is. */
  take: (now: number) => { ok: true } | { ok: false; waitMs: number };
  /** True once the bucket has refilled to capacity: it then behaves exactly like a new one. */
  full: (now: number) => boolean;
  /** Empties the bucket at `now`; it refills from nothing at the usual rate. */
  drain: (now: number) => void;
};

export function createTokenBucket(capacity: number, perSecond: number, now: number): TokenBucket {
  let tokens = capacity;
  let last = now;
  const level = (at: number) => (at > last ? Math.min(capacity, tokens + ((at - last) * perSecond) / 1000) : tokens);
  return {
    take: (at) => {
      if (at > last) {
        tokens = level(at);
        last = at;
      }
      if (tokens >= 1) {
        tokens -= 1;
        return { ok: true };
      }
      return { ok: false, waitMs: Math.ceil(((1 - tokens) * 1000) / perSecond) };
    },
    full: (at) => level(at) >= capacity,
    drain: (at) => {
      tokens = 0;
      last = Math.max(last, at);
    },
  };
}
