// Runs the whole suite (type check, lint, vitest) and ends with a plain
// "N passed, N failed" line that CI reads.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env }).status ?? 1;

// The browser tests drive Debian's Chromium; a fresh machine lacks it.
if (!existsSync('/usr/bin/chromium') && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log('== installing chromium for the browser tests ==');
  run('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null']);
}

let failedSteps = 0;
for (const [name, args] of [
  ['typecheck', ['typecheck']],
  ['lint', ['lint']],
]) {
  console.log(`\n== ${name} ==`);
  if (run('pnpm', args) !== 0) {
    failedSteps += 1;
    console.error(`${name} failed`);
  }
}

console.log('\n== vitest ==');
mkdirSync('tests/artifacts', { recursive: true });
const report = 'tests/artifacts/vitest-report.json';
const status = run('pnpm', [
  'exec',
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...process.argv.slice(2),
]);

let passed = 0;
let failed = 0;
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests;
  failed = json.numFailedTests;
} catch {
  failed += 1;
}
failed += failedSteps;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(status !== 0 || failed > 0 ? 1 : 0);
