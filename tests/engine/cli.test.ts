import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Runs `pnpm parley …` as a user would, from the repository root. */
function parley(args: string[], input = '') {
  const result = spawnSync('pnpm', ['--silent', 'parley', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    // pnpm hands scripts the directory it was started from in INIT_CWD; pin it to the root.
    env: { ...process.env, NO_COLOR: '1', INIT_CWD: root },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

// Each case starts a real `pnpm parley` process, which takes seconds on a busy machine.
const slow = { timeout: 60_000 };

describe('parley test', slow, () => {
  it('passes the example and fixture conversation tests', () => {
    const { code, out } = parley(['test', 'examples/welcome.test.json', 'tests/engine/fixtures/passing']);
    expect(out).toContain('✓ a commuter with a big budget is offered e-bikes');
    expect(out).toContain('✓ confirmed, then asked for feedback by template once the window has closed');
    expect(out).toMatch(/\n16 passed, 0 failed\n/);
    expect(code).toBe(0);
  });

  it('reports a failed step with the difference and what the bot sent, and exits 1', () => {
    const { code, out } = parley(['test', 'tests/engine/fixtures/failing/wrong-expectations.test.json']);
    expect(code).toBe(1);
    expect(out).toContain('✗ expects the wrong greeting');
    expect(out).toContain('step 2: {"expect":');
    expect(out).toContain('- expected: "Welcome to Acme Cars!"');
    expect(out).toContain('+ actual:   "Welcome to Acme Bikes! What would you like to do?"');
    expect(out).toContain('1) Find a bike');
    expect(out).toContain('There is no button "rent_bike" in the last menu');
    expect(out).toContain('✓ passes');
    expect(out).toMatch(/1 passed, 2 failed/);
  });

  it('exits 2 for files it cannot read, naming the step at fault', () => {
    const { code, out } = parley(['test', 'tests/engine/fixtures/failing/not-a-test.test.json']);
    expect(code).toBe(2);
    expect(out).toContain('step 2 (clock): a clock jump looks like "+25h"');
    expect(out).toContain('step 3: unknown step "wait"');
  });

  it('exits 2 when a path does not exist', () => {
    const { code, err } = parley(['test', 'tests/engine/fixtures/nowhere.test.json']);
    expect(code).toBe(2);
    expect(err).toContain('nowhere.test.json does not exist');
  });
});

describe('parley chat', slow, () => {
  it('chats line by line from standard input, numbers tap choices', () => {
    const { code, out } = parley(['chat', 'examples/welcome.json'], 'hi\n1\nMaria\n/vars\n/quit\n');
    expect(code).toBe(0);
    expect(out).toContain('bot: Welcome to Acme Bikes! What would you like to do?');
    expect(out).toContain('  2) Book a test ride');
    expect(out).toContain("bot: Great! What's your first name?");
    expect(out).toContain('bot: Thanks Maria. What is your budget in euros?');
    expect(out).toContain('"first_name": "Maria"');
  });

  it('plays events, HTTP answers and the clock, and renders templates with their parameters', () => {
    const script = [
      '/event appointment_due {"appointment_id": "A-7", "time": "09:30"}',
      '1',
      '/http 200 {"time": "09:30"}',
      '/clock +2d',
      'Good',
      '/quit',
      'this line is never read',
    ].join('\n');
    const { code, out } = parley(['chat', 'tests/engine/fixtures/appointment-reminder.json'], script);
    expect(code).toBe(0);
    expect(out).toContain('[template appointment_reminder (en_US)] (template, utility)');
    expect(out).toContain('Hi Maria, your appointment is tomorrow at 09:30.');
    expect(out).toContain('(the bot calls POST https://clinic.example.com/appointments/A-7/confirm');
    expect(out).toContain('bot: Confirmed, see you at 09:30.');
    expect(out).toContain('[template visit_feedback (en_US)]');
    expect(out).toContain('bot: Thanks for your feedback!');
    expect(out).not.toContain('this line is never read');
  });

  it('exits 2 for a flow file it cannot load', () => {
    const { code, err } = parley(['chat', 'examples/missing.json'], '/quit\n');
    expect(code).toBe(2);
    expect(err).toContain('Cannot read the flow file');
  });
});
