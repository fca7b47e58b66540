import { describe, expect, it } from 'vitest';
import { createPacer, type Pacer } from './pacer.ts';

type Sent = { left: number; arrived: number };

/**
 * Drives a pacer like the sender does on a simulated clock: at each wake-up it
 * sends while allowed, each send arriving `delay(i)` ms after it left and
 * answered 1 ms after arriving; then it sleeps for waitMs plus `late(step)`.
 */
function drive(pacer: Pacer, durationMs: number, delay: (i: number) => number, late: (step: number) => number) {
  const sent: Sent[] = [];
  const answers: { ticket: number; at: number }[] = [];
  let now = 0;
  for (let step = 0; now < durationMs; step++) {
    for (const answer of answers.filter((a) => a.at <= now)) pacer.answered(answer.ticket, answer.at);
    answers.splice(0, answers.length, ...answers.filter((a) => a.at > now));
    for (let ticket = pacer.take(now); ticket !== null; ticket = pacer.take(now)) {
      const arrived = now + delay(sent.length);
      sent.push({ left: now, arrived });
      answers.push({ ticket, at: arrived + 1 });
    }
    now += Math.max(1, pacer.waitMs(now) ?? 1) + late(step);
  }
  return sent;
}

function busiestSecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let left = 0;
  for (let right = 0; right < sorted.length; right++) {
    while ((sorted[right] ?? 0) - (sorted[left] ?? 0) >= 1000) left += 1;
    best = Math.max(best, right - left + 1);
  }
  return best;
}

/** The steady rate, as the pacing benchmark measures it: from one second after the first send. */
function achievedRate(sent: Sent[]): number {
  const first = sent[0]?.left ?? 0;
  const steady = sent.filter((s) => s.left >= first + 1000);
  const span = ((steady.at(-1)?.left ?? 0) - (steady[0]?.left ?? 0)) / 1000;
  return (steady.length - 1) / span;
}

describe('createPacer', () => {
  it('spaces sends instead of letting a burst of the whole rate through', () => {
    const pacer = createPacer(80);
    const first = Array.from({ length: 80 }, () => pacer.take(0)).filter((ticket) => ticket !== null).length;
    // Some tolerance for late wake-ups (a tenth of a second's worth), never a second's worth at once.
    expect(first).toBeLessThanOrEqual(9);
    expect(pacer.waitMs(0)).toBeGreaterThan(0);
  });

  for (const rate of [80, 1000]) {
    it(`never exceeds ${rate} in any one-second window and reaches within 2% of it`, () => {
      const sent = drive(
        createPacer(rate),
        20_000,
        () => 1,
        () => 0,
      );
      expect(busiestSecond(sent.map((s) => s.arrived))).toBeLessThanOrEqual(rate);
      expect(achievedRate(sent)).toBeGreaterThanOrEqual(rate * 0.98);
      expect(achievedRate(sent)).toBeLessThanOrEqual(rate * 1.02);
    });

    it(`keeps ${rate}/s within 2% and under the cap when wake-ups run up to 4 ms late`, () => {
      const sent = drive(
        createPacer(rate),
        20_000,
        () => 1,
        (step) => (step * 7) % 5,
      );
      expect(busiestSecond(sent.map((s) => s.arrived))).toBeLessThanOrEqual(rate);
      expect(achievedRate(sent)).toBeGreaterThanOrEqual(rate * 0.98);
    });

    it(`keeps the cap at ${rate}/s where sends arrive, however unevenly they travel`, () => {
      // Every seventh send is held up 80 ms on the way; the others take 1 ms.
      const sent = drive(
        createPacer(rate),
        10_000,
        (i) => (i % 7 === 0 ? 80 : 1),
        () => 0,
      );
      expect(busiestSecond(sent.map((s) => s.arrived))).toBeLessThanOrEqual(rate);
    });
  }

  it('waits for an answer still out rather than guess when the old send arrived', () => {
    const pacer = createPacer(2);
    const first = pacer.take(0);
    const second = pacer.take(500);
    expect(first).not.toBeNull();
    expect(second).not.toBeNull();
    expect(pacer.waitMs(2000)).toBeNull();
    pacer.answered(first ?? -1, 1500);
    expect(pacer.take(2000)).toBeNull();
    expect(pacer.waitMs(2000)).toBe(500);
    expect(pacer.take(2500)).not.toBeNull();
  });

  it('does not save up sends during a quiet spell', () => {
    const pacer = createPacer(80);
    const ticket = pacer.take(0);
    pacer.answered(ticket ?? -1, 1);
    const afterPause = Array.from({ length: 80 }, () => pacer.take(60_000)).filter((ticket) => ticket !== null).length;
    expect(afterPause).toBeLessThanOrEqual(9);
  });

  it('refuses a rate that is not a positive number', () => {
    expect(() => createPacer(0)).toThrow(/positive number/);
  });
});
