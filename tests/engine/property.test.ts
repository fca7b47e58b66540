import { Session } from '@parley/flow-engine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUDGET, play, runArb } from './random-conversations.ts';

describe('the engine on random flows and inputs', () => {
  it('never throws, stays in budget, keeps sessions valid, survives storage and is deterministic', () => {
    fc.assert(
      fc.property(runArb, ([flow, opening, inputs]) => {
        const results = play(flow, opening, inputs);
        for (const { session, effects } of results) {
          expect(Session.safeParse(session).success).toBe(true);
          expect(effects.filter((e) => e.type === 'visit').length).toBeLessThanOrEqual(BUDGET);
          expect(effects.length).toBeLessThanOrEqual(BUDGET * 8 + 10);
          expect(effects.filter((e) => e.type === 'end').length).toBeLessThanOrEqual(1);
          for (const e of effects) if (e.type === 'send') expect(JSON.stringify(e.payload)).not.toContain('undefined');
        }
        expect(play(flow, opening, inputs)).toEqual(results);
        expect(play(flow, opening, inputs, true)).toEqual(results);
      }),
      { numRuns: 400 },
    );
  });
});
