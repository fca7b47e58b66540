import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { type FlowTestFile, parseFlowTestFile, runFlowTest } from '@parley/flow-engine';
import type { Flow } from '@parley/flow-schema';
import type { Command, CommandIo } from '../command-io.ts';
import { findTestFiles } from '../find-test-files.ts';
import { formatFailure } from '../format-failure.ts';
import { loadFlowFile } from '../load-flow-file.ts';

const summary = 'run conversation tests (*.test.json) against their flows';

const USAGE = `Usage: parley test [files or directories...]

Runs each *.test.json conversation test against the flow it names, on a
simulated clock. Directories are searched for *.test.json; with no argument
the current directory is. Exit code 0 when all pass, 1 when a test fails,
2 when a file cannot be read.
`;

type Loaded = { ok: true; file: FlowTestFile; flow: Flow } | { ok: false; error: string };

async function loadTestFile(path: string): Promise<Loaded> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    return { ok: false, error: `cannot read it: ${error instanceof Error ? error.message : error}` };
  }
  const parsed = parseFlowTestFile(json);
  if (!parsed.ok) return { ok: false, error: parsed.errors.join('\n') };
  const flow = await loadFlowFile(resolve(dirname(path), parsed.file.flow));
  if (!flow.ok) return { ok: false, error: flow.error };
  return { ok: true, file: parsed.file, flow: flow.flow };
}

const indent = (lines: string[], by: string) => lines.map((line) => `${by}${line}`).join('\n');

/** `parley test`: runs conversation tests and reports each failed step with what was sent. */
async function run(args: string[], io: CommandIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(USAGE);
    return 0;
  }
  const { files, missing } = await findTestFiles(args, io.cwd);
  for (const path of missing) io.stderr.write(`parley test: ${path} does not exist\n`);
  if (files.length === 0) {
    io.stderr.write('parley test: no *.test.json files found\n');
    return 2;
  }
  let passed = 0;
  let failed = 0;
  let unreadable = missing.length;
  for (const path of files) {
    const name = relative(io.cwd, path) || path;
    const loaded = await loadTestFile(path);
    if (!loaded.ok) {
      unreadable += 1;
      io.stdout.write(`${name}\n  cannot run: ${indent(loaded.error.split('\n'), '    ').trimStart()}\n`);
      continue;
    }
    io.stdout.write(`${name} (flow ${loaded.file.flow})\n`);
    for (const test of loaded.file.tests) {
      const result = runFlowTest(loaded.flow, test);
      if (result.passed) {
        passed += 1;
        io.stdout.write(`  ✓ ${result.name}\n`);
      } else {
        failed += 1;
        io.stdout.write(`  ✗ ${result.name}\n`);
        if (result.failure) io.stdout.write(`${indent(formatFailure(result.failure, loaded.flow), '      ')}\n`);
      }
    }
  }
  const fileNote = unreadable > 0 ? `, ${unreadable} file(s) could not be run` : '';
  io.stdout.write(`\n${passed} passed, ${failed} failed${fileNote}\n`);
  if (unreadable > 0) return 2;
  return failed > 0 ? 1 : 0;
}

export const testCommand: Command = { summary, run };
