import { describe, expect, it } from 'vitest';
import { CATALOGUED_CODES, classifyGraphError } from './catalogue.ts';

describe('error catalogue', () => {
  it.each([
    [130429, 'retry_backoff', true],
    [131000, 'retry_backoff', true],
    [131016, 'retry_backoff', true],
    [1, 'retry_backoff', true],
    [2, 'retry_backoff', true],
    [4, 'retry_backoff', true],
    [80007, 'retry_backoff', true],
    [131057, 'retry_backoff', true],
    [131056, 'retry_recipient_later', true],
    [131047, 'switch_to_template', false],
    [132015, 'switch_to_template', false],
    [132016, 'switch_to_template', false],
    [131026, 'give_up', false],
    [131049, 'give_up', false],
    [131050, 'give_up', false],
    [131008, 'give_up', false],
    [131009, 'give_up', false],
    [100, 'give_up', false],
    [132000, 'give_up', false],
    [132001, 'give_up', false],
    [132012, 'give_up', false],
    [131063, 'give_up', false],
    [190, 'stop_and_alert', false],
    [0, 'stop_and_alert', false],
    [368, 'stop_and_alert', false],
    [131031, 'stop_and_alert', false],
    [131048, 'stop_and_alert', false],
    [131030, 'stop_and_alert', false],
    [133010, 'stop_and_alert', false],
  ])('%i → %s (retryable %s)', (code, reaction, retryable) => {
    expect(classifyGraphError(code)).toMatchObject({ code, reaction, retryable });
  });

  it.each([
    [250, 'stop_and_alert'],
    [133004, 'stop_and_alert'],
    [999_999, 'give_up'],
    [131999, 'give_up'],
  ])('falls back sensibly for uncatalogued %i → %s', (code, reaction) => {
    expect(classifyGraphError(code).reaction).toBe(reaction);
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
