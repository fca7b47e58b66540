import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;
const tsx = join(root, 'node_modules/.bin/tsx');
const main = join(root, 'packages/cli/src/main.ts');
const scratch = mkdtempSync(join(tmpdir(), 'parley-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs `parley` as a user would, from `cwd` (the repository root unless told). */
function parley(args: string[], cwd = root) {
  const result = spawnSync(tsx, [main, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', INIT_CWD: cwd },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function write(name: string, content: string): string {
  const path = join(scratch, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
}

describe('parley validate', () => {
  it('exits 0 and says so for a clean flow', () => {
    const { code, stdout } = parley(['validate', 'examples/welcome.json']);
    expect(stdout).toContain('examples/welcome.json: no problems found');
    expect(stdout).toContain('1 file checked: 0 errors, 0 warnings, 0 info');
    expect(code).toBe(0);
  });

  it('exits 1 and prints severity, node, message and code for each finding', () => {
    const { code, stdout } = parley(['validate', 'examples/support-triage.broken.json']);
    expect(stdout).toContain('examples/support-triage.broken.json\n');
    expect(stdout).toMatch(
      /error +node more_help: "Anything else\?" has 4 buttons; WhatsApp allows 3\..* \[limits\.too_many_buttons\]/,
    );
    expect(stdout).toMatch(
      /error +node follow_up: This message may be sent 25 hours .*\[window\.session_send_when_closed\]/,
    );
    expect(stdout).toContain('1 file checked: 2 errors, 0 warnings, 0 info');
    expect(code).toBe(1);
  });

  it('checks the flows of a directory and skips conversation tests', () => {
    const { code, stdout } = parley(['validate', 'examples']);
    for (const file of ['welcome', 'order-journey', 'support-triage']) {
      expect(stdout).toContain(`examples/${file}.json: no problems found`);
      expect(stdout).toContain(`examples/${file}.broken.json\n`);
    }
    expect(stdout).not.toContain('welcome.test.json');
    expect(stdout).toContain('6 files checked: 4 errors, 1 warning, 0 info');
    expect(code).toBe(1);
  });

  it('resolves paths from where the user runs it', () => {
    const { code, stdout } = parley(['validate', 'welcome.json'], join(root, 'examples'));
    expect(stdout).toContain('welcome.json: no problems found');
    expect(code).toBe(0);
  });

  it('prints JSON with --json', () => {
    const { code, stdout } = parley([
      'validate',
      '--json',
      'examples/order-journey.broken.json',
      'examples/welcome.json',
    ]);
    const report = JSON.parse(stdout);
    expect(report.files).toHaveLength(2);
    expect(report.files[0]).toMatchObject({ file: 'examples/order-journey.broken.json', ok: true });
    expect(report.files[0].diagnostics.map((d: { code: string }) => d.code)).toEqual([
      'policy.no_bot_label',
      'window.session_send_when_closed',
    ]);
    expect(report.files[0].diagnostics[1]).toMatchObject({ severity: 'error', nodeId: 'review', path: ['nodes', 8] });
    expect(report.files[1]).toEqual({ file: 'examples/welcome.json', ok: true, diagnostics: [] });
    expect(code).toBe(1);
  });

  it.each([
    ['a file that is not JSON', 'broken.json', '{ "nodes": [', 'This is not JSON'],
    ['JSON that is not an object', 'list.json', '[1, 2, 3]', 'a flow file holds one JSON object'],
    ['a flow from a newer Parley', 'future.json', '{"schemaVersion": 99, "nodes": []}', 'newer Parley (schema 99)'],
    [
      'a flow with a field of the wrong shape',
      'bad.json',
      '{"schemaVersion": 1, "id": "x", "name": "", "nodes": []}',
      'name: a flow needs a name',
    ],
  ])('exits 2 for %s', (_, name, content, message) => {
    const path = write(name, content);
    const { code, stdout } = parley(['validate', path]);
    expect(stdout).toContain(`${path}: not a Parley flow`);
    expect(stdout).toContain(message);
    expect(code).toBe(2);
  });

  it('exits 2 for a missing file, even next to a clean one', () => {
    const { code, stdout } = parley(['validate', 'examples/welcome.json', 'examples/nope.json']);
    expect(stdout).toContain('examples/nope.json: not a Parley flow');
    expect(stdout).toContain('no such file');
    expect(code).toBe(2);
  });

  it('skips JSON files in a directory that are not flows', () => {
    write('mixed/package.json', '{"name": "shop", "version": "1.0.0"}');
    write('mixed/notes.json', 'not json at all');
    write('mixed/flow.test.json', '{"flow": "flow.json", "tests": []}');
    write(
      'mixed/flow.json',
      JSON.stringify({
        schemaVersion: 1,
        id: 'tiny',
        name: 'Tiny',
        scope: {
          purpose: 'customer_service',
          summary: 'Tells Acme customers the opening hours of the shop.',
          topics: ['opening hours'],
        },
        botLabel: { name: 'Acme', disclosure: 'Automated assistant of Acme. Type "agent" for a person.' },
        triggers: [{ id: 't', kind: 'keyword', keywords: ['hours'], start: 'hours' }],
        nodes: [{ id: 'hours', kind: 'end', message: 'We are open 9 to 18, Monday to Saturday.' }],
      }),
    );
    const { code, stdout } = parley(['validate', join(scratch, 'mixed')]);
    expect(stdout).toContain('flow.json: no problems found');
    expect(stdout).toContain('package.json: skipped, not a flow');
    expect(stdout).toContain('notes.json: skipped, not a flow');
    expect(stdout).not.toContain('flow.test.json');
    expect(code).toBe(0);
  });

  it('exits 2 with usage when no file is named', () => {
    const { code, stderr } = parley(['validate']);
    expect(stderr).toContain('name at least one flow file or directory');
    expect(stderr).toContain('Usage: parley validate');
    expect(code).toBe(2);
  });
});

describe('parley', () => {
  it('lists its commands and refuses unknown ones', () => {
    expect(parley(['help']).stdout).toMatch(/Commands:\n {2}validate +check flow files/);
    const unknown = parley(['frobnicate']);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    expect(unknown.code).toBe(2);
  });

  it('runs through the workspace script `pnpm parley`', () => {
    const result = spawnSync('pnpm', ['--silent', 'parley', 'validate', 'examples/welcome.broken.json'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(result.stdout).toContain('[policy.no_scope]');
    expect(result.status).toBe(1);
  });
});
