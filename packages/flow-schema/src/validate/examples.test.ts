import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFlow } from '../load-flow.ts';
import { validateFlow } from './validate-flow.ts';

const examples = new URL('../../../../examples/', import.meta.url);

function validateExample(file: string) {
  const loaded = loadFlow(JSON.parse(readFileSync(new URL(file, examples), 'utf8')));
  if (!loaded.ok) throw new Error(`${file} does not load: ${loaded.error.message}`);
  return validateFlow(loaded.flow);
}

// `*.test.json` files beside the examples are conversation tests, not flows.
const files = readdirSync(examples).filter((file) => file.endsWith('.json') && !file.endsWith('.test.json'));

/** What a user meets in each broken variant, and nothing else. */
const BROKEN: Record<string, string[]> = {
  'welcome.broken.json': ['policy.no_scope'],
  'order-journey.broken.json': ['policy.no_bot_label', 'window.session_send_when_closed'],
  'support-triage.broken.json': ['limits.too_many_buttons', 'window.session_send_when_closed'],
};

describe('examples', () => {
  it('ship the three flows and a broken variant of each', () => {
    expect(files.sort()).toEqual([
      'order-journey.broken.json',
      'order-journey.json',
      'support-triage.broken.json',
      'support-triage.json',
      'welcome.broken.json',
      'welcome.json',
    ]);
  });

  it.each(files.filter((file) => !file.endsWith('.broken.json')))('%s validates without any finding', (file) => {
    expect(validateExample(file)).toEqual([]);
  });

  it.each(Object.entries(BROKEN))('%s shows exactly %j', (file, codes) => {
    expect(validateExample(file).map((d) => d.code)).toEqual(codes);
  });

  it('explains the late follow-up in hours', () => {
    const late = validateExample('support-triage.broken.json').find(
      (d) => d.code === 'window.session_send_when_closed',
    );
    expect(late).toMatchObject({ nodeId: 'follow_up', severity: 'error' });
    expect(late?.message).toContain('25 hours after the customer last wrote');
  });
});
