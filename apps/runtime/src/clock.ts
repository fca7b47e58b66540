/** The time port. Everything that schedules, gates or stamps asks it, never Date.now(). */
export type Clock = { now: () => number };

/**
 * A clock that follows real time plus an offset that only grows. The sandbox's
 * "jump a day ahead" moves it, and tests drive time with it instead of sleeping.
 */
export type AdjustableClock = Clock & { advance: (ms: number) => number };

export function createAdjustableClock(realNow: () => number = Date.now): AdjustableClock {
  let offset = 0;
  return {
    now: () => realNow() + offset,
    advance: (ms) => {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance takes a duration of 0 ms or more, got ${ms}`);
      offset += ms;
      return realNow() + offset;
    },
  };
}
