/** Anything that tells the time in epoch milliseconds: `Date`, a test clock, the runtime's clock. */
export type Clock = { now(): number };

/**
 * The simulator's clock: an injected base clock plus an offset the simulator
 * controls, so a test (or the editor's "jump a day" button) can move time
 * forward without touching the runtime's own clock.
 */
export type SimClock = Clock & {
  /** Moves time forward by `ms` (never backward: Meta's time does not run back). */
  advance(ms: number): number;
  /** Jumps to an absolute time, if it is not in the past. */
  set(epochMs: number): number;
};

export function createSimClock(base: Clock = Date): SimClock {
  let offset = 0;
  const now = () => base.now() + offset;
  return {
    now,
    advance(ms) {
      if (Number.isFinite(ms) && ms > 0) offset += ms;
      return now();
    },
    set(epochMs) {
      const current = now();
      if (Number.isFinite(epochMs) && epochMs > current) offset += epochMs - current;
      return now();
    },
  };
}

/** Unix seconds as Meta writes them in webhooks: a string. */
export function unixSeconds(epochMs: number): string {
  return String(Math.floor(epochMs / 1000));
}
