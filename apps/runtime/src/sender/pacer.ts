/**
 * Paces the number's sends so that no one-second window ever holds more than
 * `perSecond` of them where Meta counts them, while still reaching that rate.
 * A token bucket whose capacity equals the rate lets twice the rate through
 * in its first second, which Meta answers with 130429; this does not.
 *
 * Two rules, both on the injected clock:
 * - spacing (GCRA): one send per `1000 / perSecond` ms, with a small
 *   tolerance so a timer or event loop that runs a little late can catch up;
 * - a sliding log of the last `perSecond` sends, holding when each was
 *   *answered*: a send may leave only once the answer to the send `perSecond`
 *   before it is a full second old. This is the hard cap, and it holds however
 *   late requests leave or arrive: the old send reached Meta before its answer
 *   came back, and the new one reaches Meta after it leaves, so the two are
 *   at least a second apart. The cost is one round trip per second of the rate.
 */
export type Pacer = {
  /** Claims a send at `now`; a ticket to pass to `answered`, or null when it must wait. */
  take: (now: number) => number | null;
  /** Records when the send's answer (or failure) came back. */
  answered: (ticket: number, at: number) => void;
  /** How many ms until the next send may go (0: now); null when it waits on an answer still out. */
  waitMs: (now: number) => number | null;
};

const WINDOW_MS = 1000;

export function createPacer(perSecond: number): Pacer {
  if (!Number.isFinite(perSecond) || perSecond <= 0) {
    throw new RangeError(`the send rate must be a positive number of messages per second, got ${perSecond}`);
  }
  const limit = Math.max(1, Math.floor(perSecond));
  const interval = WINDOW_MS / perSecond;
  // Lets sends held up by a busy event loop catch up (at most a tenth of a second's worth
  // at once) instead of losing their slots; the log still caps every second.
  const tolerance = Math.max(2 * interval, 100);
  /** Theoretical time of the next send (GCRA). */
  let next = Number.NEGATIVE_INFINITY;
  /** When each of the last `limit` sends was answered; +Infinity while it is out. */
  const log = new Float64Array(limit).fill(Number.NEGATIVE_INFINITY);
  let oldest = 0;

  const waitMs = (now: number): number | null => {
    const answeredAt = log[oldest] ?? Number.NEGATIVE_INFINITY;
    if (answeredAt === Number.POSITIVE_INFINITY) return null;
    const wait = Math.max(next - tolerance - now, answeredAt + WINDOW_MS - now);
    return Math.max(0, Math.ceil(wait));
  };

  return {
    waitMs,
    take: (now) => {
      if (waitMs(now) !== 0) return null;
      next = Math.max(next, now) + interval;
      const ticket = oldest;
      log[ticket] = Number.POSITIVE_INFINITY;
      oldest = (oldest + 1) % limit;
      return ticket;
    },
    answered: (ticket, at) => {
      if (log[ticket] === Number.POSITIVE_INFINITY) log[ticket] = at;
    },
  };
}
