/**
 * Holds every send while Meta says the number (130429) or the account (80007,
 * 4) is over its rate. Each hit in a row waits twice as long; the account's
 * counters reset on the hour, so its hold never runs past the next hour.
 */
export const THROTTLE = {
  number: { firstMs: 1_000, maxMs: 60_000 },
  account: { firstMs: 60_000, maxMs: 3_600_000 },
} as const;

export function createThrottle() {
  let until = Number.NEGATIVE_INFINITY;
  let hits = 0;
  return {
    /** Meta said too fast: returns until when nothing goes out. */
    hit(scope: 'number' | 'account', resetsHourly: boolean, now: number): number {
      const { firstMs, maxMs } = THROTTLE[scope];
      const wait = Math.min(maxMs, firstMs * 2 ** hits) + Math.floor(Math.random() * (firstMs / 4));
      hits += 1;
      const nextHour = Math.floor(now / 3_600_000) * 3_600_000 + 3_600_000;
      const end = resetsHourly ? Math.min(now + wait, nextHour) : now + wait;
      until = Math.max(until, end);
      return until;
    },
    /** A send went through: the next hit starts short again. */
    passed(): void {
      hits = 0;
    },
    waitMs(now: number): number {
      return Math.max(0, until - now);
    },
  };
}
