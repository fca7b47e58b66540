import { Flow } from '@parley/flow-schema';
import { describe, expect, it } from 'vitest';
import { runFlowTest } from './run-flow-test.ts';
import { parseFlowTestFile } from './test-file.ts';

const flow = Flow.parse({
  schemaVersion: 1,
  id: 'quiz',
  name: 'Quiz',
  triggers: [{ id: 'any', kind: 'inbound_any', start: 'ask' }],
  nodes: [
    { id: 'ask', kind: 'buttons', body: 'Ready?', buttons: [{ id: 'go', title: 'Go' }] },
    { id: 'wait', kind: 'delay', amount: 1, unit: 'hours' },
    { id: 'done', kind: 'end', message: 'Done, {{contact_name}}.' },
  ],
  edges: [
    { id: 'e1', from: { node: 'ask', port: 'button:go' }, to: { node: 'wait' } },
    { id: 'e2', from: { node: 'wait', port: 'next' }, to: { node: 'done' } },
  ],
});

function run(steps: unknown[]) {
  const parsed = parseFlowTestFile({ flow: 'quiz.json', tests: [{ name: 't', steps }] });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const [test] = parsed.file.tests;
  if (!test) throw new Error('no test');
  return runFlowTest(flow, test);
}

describe('parseFlowTestFile', () => {
  it('names the test, the step and the rule for each problem', () => {
    const parsed = parseFlowTestFile({
      flow: 'quiz.json',
      tests: [
        {
          name: 'broken',
          steps: [{ customer: 'hi' }, { clock: 'soon' }, { tap: 'go', pick: 'x' }, { sleep: 1 }, 'hi'],
        },
      ],
    });
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.errors).toEqual([
      'tests[0] "broken", step 2 (clock): a clock jump looks like "+25h", "+30m" or "+2d"',
      'tests[0] "broken", step 3: a step has exactly one key, this one has 2 (tap, pick)',
      expect.stringMatching(/^tests\[0\] "broken", step 4: unknown step "sleep"; expected one of customer, tap/),
      expect.stringMatching(/^tests\[0\] "broken", step 5: a step is an object with one key/),
    ]);
  });

  it('explains a file without tests', () => {
    const parsed = parseFlowTestFile({ flow: 'quiz.json', tests: [] });
    expect(parsed.ok ? [] : parsed.errors).toEqual(['tests: a test file needs at least one test']);
  });
});

describe('runFlowTest', () => {
  it('passes a conversation that goes as expected, with the clock moved by hand', () => {
    const result = run([
      { customer: 'hi' },
      { expect: { interactive: { body: { text: 'Ready?' } } } },
      { tap: 'Go' },
      { expect_no_message: true },
      { clock: '+59m' },
      { expect_no_message: true },
      { clock: '+1m' },
      { expect: { text: { body: 'Done, Maria.' } } },
      { expect_end: 'completed' },
    ]);
    expect(result).toMatchObject({ name: 't', passed: true });
    expect(result.failure).toBeUndefined();
    expect(result.effects.filter((e) => e.type === 'send')).toHaveLength(2);
  });

  it('plays a send failure with its code, which the flow can read', () => {
    const result = run([
      { customer: 'hi' },
      { send_fails: { reason: 'rejected', code: 131053 } },
      { expect_variable: { send_failure: { reason: 'rejected', code: 131053 } } },
      { expect_end: 'send_rejected' },
    ]);
    expect(result.failure?.message).toBeUndefined();
  });

  it('stops at the first failed step and shows the closest difference', () => {
    const result = run([{ customer: 'hi' }, { expect: { interactive: { body: { text: 'Steady?' } } } }, { tap: 'go' }]);
    expect(result.passed).toBe(false);
    expect(result.failure).toMatchObject({
      stepIndex: 1,
      mismatches: [{ path: 'interactive.body.text', expected: 'Steady?', actual: 'Ready?' }],
    });
    expect(result.failure?.sent).toHaveLength(1);
  });

  it.each([
    [[{ customer: 'hi' }, { tap: 'stop' }], /no button "stop" in the last menu; it offers "go" \(Go\)/],
    [[{ customer: 'hi' }, { http_returns: { status: 200 } }], /not waiting for an HTTP response/],
    [[{ customer: 'hi' }, { expect_end: 'completed' }], /it is waiting at node "ask"/],
    [[{ customer: 'hi' }, { expect_no_message: true }], /Expected no message, but the bot sent 1/],
    [[{ customer: 'hi' }, { expect_template: 'welcome' }], /Expected template "welcome"/],
    [[{ customer: 'hi' }, { expect_variable: { name: 'Ana' } }], /variable\(s\) name do not hold/],
    [[{ customer: 'hi' }, { expect_handoff: true }], /Expected the conversation to be with a person/],
  ])('reports a failed expectation in plain words (%#)', (steps, message) => {
    expect(run(steps).failure?.message).toMatch(message);
  });

  it('gives the same result every time', () => {
    const steps = [{ customer: 'hi' }, { tap: 'go' }, { clock: '+2h' }, { expect_end: 'completed' }];
    expect(run(steps)).toEqual(run(steps));
  });
});
