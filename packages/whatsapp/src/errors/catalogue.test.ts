import { describe, expect, it } from 'vitest';
import { CATALOGUED_CODES, classifyGraphError } from './catalogue.ts';

describe('error catalogue', () => {
  it.each([
    [130429, { send: { kind: 'throttle', scope: 'number', resetsHourly: false } }],
    [80007, { send: { kind: 'throttle', scope: 'account', resetsHourly: true } }],
    [4, { send: { kind: 'throttle', scope: 'account', resetsHourly: true } }],
    [131000, { send: { kind: 'retry' } }],
    [131016, { send: { kind: 'retry' } }],
    [1, { send: { kind: 'retry' } }],
    [2, { send: { kind: 'retry' } }],
    [131057, { send: { kind: 'retry' } }],
    [131056, { send: { kind: 'retry_recipient' } }],
    [131047, { send: { kind: 'fallback' }, flow: 'window_closed' }],
    [131049, { send: { kind: 'retry_growing' }, flow: 'marketing_limited' }],
    [131050, { send: { kind: 'fail' }, consent: { category: 'marketing', action: 'opt_out' }, flow: 'opted_out' }],
    [131026, { send: { kind: 'fail' }, contact: 'undeliverable', flow: 'undeliverable' }],
    [131030, { send: { kind: 'fail' }, contact: 'undeliverable', flow: 'undeliverable' }],
    [131051, { send: { kind: 'fail' }, flow: 'rejected' }],
    [131053, { send: { kind: 'fail' }, flow: 'rejected' }],
    [132015, { send: { kind: 'fail' }, flow: 'template_unavailable' }],
    [132016, { send: { kind: 'fail' }, flow: 'template_unavailable' }],
    [132001, { send: { kind: 'fail' }, flow: 'template_unavailable' }],
    [131008, { send: { kind: 'fail' }, flow: 'rejected' }],
    [132018, { send: { kind: 'fail' }, flow: 'rejected' }],
    [100, { send: { kind: 'fail' }, flow: 'rejected' }],
    [132000, { send: { kind: 'fail' }, flow: 'rejected' }],
    [131063, { send: { kind: 'fail' }, flow: 'rejected' }],
    [190, { send: { kind: 'pause' }, alert: true }],
    [0, { send: { kind: 'pause' }, alert: true }],
    [368, { send: { kind: 'pause' }, alert: true }],
    [131031, { send: { kind: 'pause' }, alert: true }],
    [131042, { send: { kind: 'pause' }, alert: true }],
    [131048, { send: { kind: 'pause' }, alert: true }],
    [133010, { send: { kind: 'pause' }, alert: true }],
  ])('%i leads to %o', (code, consequence) => {
    expect(classifyGraphError(code).consequence).toMatchObject(consequence);
  });

  it('never pauses all sending for one recipient, and never reports a paused template as a closed window', () => {
    expect(classifyGraphError(131030).consequence.send.kind).not.toBe('pause');
    for (const code of [132015, 132016]) expect(classifyGraphError(code).consequence.flow).not.toBe('window_closed');
    expect(classifyGraphError(131050).consequence.consent?.category).toBe('marketing');
  });

  it.each([
    [250, 'pause'],
    [133004, 'pause'],
    [999_999, 'fail'],
    [131999, 'fail'],
  ])('falls back sensibly for uncatalogued %i → %s', (code, kind) => {
    expect(classifyGraphError(code).consequence.send.kind).toBe(kind);
  });

  it('does not confuse the codes blogs get wrong', () => {
    expect(classifyGraphError(131031).title).toMatch(/locked/i);
    expect(classifyGraphError(131056).title).toMatch(/pair rate/i);
    expect(classifyGraphError(132000).title).toMatch(/param count/i);
  });

  it('gives every catalogued code a title and a meaning', () => {
    for (const code of CATALOGUED_CODES) {
      const entry = classifyGraphError(code);
      expect(entry.title.length).toBeGreaterThan(3);
      expect(entry.meaning.length).toBeGreaterThan(3);
    }
    expect(CATALOGUED_CODES.length).toBeGreaterThan(45);
  });
});
