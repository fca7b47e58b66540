import type { TierLimitOptions } from '../options.ts';
import { createTokenBucket, type TokenBucket } from './token-bucket.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export type RateVerdict = { ok: true } | { ok: false; code: 130429 | 131056; details: string };

/**
 * Meta's throughput, pair-rate and business-initiated (tier) limits, all on the
 * simulator's clock so a test can exhaust and then refill them deterministically.
 */
export function createRateLimits(config: {
  throughputPerSecond: number;
  pairRate: { intervalMs: number; burst: number };
  tierLimit: TierLimitOptions | null;
}) {
  const throughput = new Map<string, TokenBucket>();
  const pairs = new Map<string, TokenBucket>();
  /** Pair buckets are swept when the map reaches this size; see `sweepPairs`. */
  let sweepAt = 1024;
  /** Per number: recipient → when it was last reached outside a service window. */
  const reachedOutsideWindow = new Map<string, Map<string, number>>();

  function bucket(map: Map<string, TokenBucket>, key: string, make: () => TokenBucket): TokenBucket {
    let found = map.get(key);
    if (!found) {
      found = make();
      map.set(key, found);
    }
    return found;
  }

  /**
   * One bucket per recipient ever messaged would grow without bound in a
   * long-running sandbox. A full bucket is the same as a fresh one, so dropping
   * the full ones loses nothing; the threshold doubles so sweeps stay rare.
   */
  function sweepPairs(now: number): void {
    if (pairs.size < sweepAt) return;
    for (const [key, pair] of pairs) if (pair.isFull(now)) pairs.delete(key);
    sweepAt = Math.max(1024, pairs.size * 2);
  }

  return {
    /** How many recipients currently have a pair-rate bucket (for tests of the sweep). */
    trackedPairs(): number {
      return pairs.size;
    },
    /** Takes one send from the number's throughput and the pair's budget. */
    admit(phoneNumberId: string, recipient: string, now: number): RateVerdict {
      const number = bucket(throughput, phoneNumberId, () =>
        createTokenBucket(config.throughputPerSecond, config.throughputPerSecond / 1000, now),
      );
      if (!number.take(now)) {
        return { ok: false, code: 130429, details: 'Cloud API message throughput has been reached.' };
      }
      sweepPairs(now);
      const pair = bucket(pairs, `${phoneNumberId}|${recipient}`, () =>
        createTokenBucket(config.pairRate.burst, 1 / config.pairRate.intervalMs, now),
      );
      if (!pair.take(now)) {
        return {
          ok: false,
          code: 131056,
          details:
            'Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.',
        };
      }
      return { ok: true };
    },

    /**
     * Counts a business-initiated send (outside the customer's window) against the
     * moving-24-hour limit of unique users. False when this user would exceed it.
     */
    admitBusinessInitiated(phoneNumberId: string, recipient: string, now: number): boolean {
      if (config.tierLimit === null) return true;
      let reached = reachedOutsideWindow.get(phoneNumberId);
      if (!reached) {
        reached = new Map();
        reachedOutsideWindow.set(phoneNumberId, reached);
      }
      for (const [user, at] of reached) if (now - at >= DAY_MS) reached.delete(user);
      if (reached.has(recipient)) return true;
      if (reached.size >= config.tierLimit.uniqueUsers) return false;
      reached.set(recipient, now);
      return true;
    },
  };
}

export type RateLimits = ReturnType<typeof createRateLimits>;
