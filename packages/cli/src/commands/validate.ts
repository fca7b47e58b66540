import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { type Diagnostic, hasErrors, type LoadError, loadFlow, validateFlow } from '@parley/flow-schema';
import type { Command, CommandIo } from '../command-io.ts';
import { renderJson, renderText } from './validate-report.ts';

/** The outcome for one file: its diagnostics, or why it is not a flow at all. */
export type FileReport =
  | { file: string; ok: true; diagnostics: Diagnostic[] }
  | { file: string; ok: false; error: Pick<LoadError, 'code' | 'message' | 'issues'> };

const HELP = `Usage: parley validate [--json] <file or directory>...

Checks flow files against WhatsApp's limits, Meta's policy and the 24-hour window.
A directory means the flows (*.json) directly inside it; conversation tests (*.test.json)
and JSON files that are not flows are skipped.

Exit code: 0 no errors, 1 errors found, 2 a file is not a flow (or bad arguments).
`;

export const validateCommand: Command = {
  summary: 'check flow files and print what WhatsApp or Meta would reject',
  async run(args: string[], io: CommandIo): Promise<number> {
    if (args.includes('--help') || args.includes('-h')) {
      io.stdout.write(HELP);
      return 0;
    }
    const json = args.includes('--json');
    const unknown = args.find((arg) => arg.startsWith('-') && arg !== '--json');
    const targets = args.filter((arg) => !arg.startsWith('-'));
    if (unknown !== undefined || targets.length === 0) {
      io.stderr.write(
        `${unknown === undefined ? 'parley validate: name at least one flow file or directory.' : `parley validate: unknown option "${unknown}".`}\n\n${HELP}`,
      );
      return 2;
    }

    const reports: FileReport[] = [];
    const skipped: string[] = [];
    for (const target of targets) {
      const path = resolve(io.cwd, target);
      const kind = await stat(path).then(
        (s) => (s.isDirectory() ? 'directory' : 'file'),
        () => 'missing',
      );
      if (kind === 'directory') {
        for (const entry of await flowFilesIn(path)) {
          const report = await checkFile(join(path, entry), display(io.cwd, join(path, entry)), true);
          if (report === 'not_a_flow') skipped.push(display(io.cwd, join(path, entry)));
          else reports.push(report);
        }
      } else {
        const report = await checkFile(path, display(io.cwd, path), false);
        if (report !== 'not_a_flow') reports.push(report);
      }
    }

    io.stdout.write(json ? renderJson(reports, skipped) : renderText(reports, skipped));
    if (reports.some((report) => !report.ok)) return 2;
    return reports.some((report) => report.ok && hasErrors(report.diagnostics)) ? 1 : 0;
  },
};

async function flowFilesIn(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json') && !entry.name.endsWith('.test.json'))
    .map((entry) => entry.name)
    .sort();
}

function display(cwd: string, path: string): string {
  const shown = relative(cwd, path);
  return shown === '' || shown.startsWith('..') ? path : shown;
}

/**
 * Reads, loads and validates one file. In a directory, a JSON file that does
 * not even try to be a flow (no `nodes`, no `schemaVersion`, e.g. a
 * package.json) is skipped; a file named on the command line never is.
 */
async function checkFile(path: string, file: string, inDirectory: boolean): Promise<FileReport | 'not_a_flow'> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason =
      error instanceof Error && 'code' in error && error.code === 'ENOENT' ? 'no such file' : 'cannot be read';
    return { file, ok: false, error: { code: 'load.not_a_flow', message: `The file ${reason}.`, issues: [] } };
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    if (inDirectory) return 'not_a_flow';
    return { file, ok: false, error: { code: 'load.not_a_flow', message: `This is not JSON: ${detail}`, issues: [] } };
  }
  if (inDirectory && !looksLikeFlow(document)) return 'not_a_flow';
  const loaded = loadFlow(document);
  if (!loaded.ok) return { file, ok: false, error: loaded.error };
  return { file, ok: true, diagnostics: validateFlow(loaded.flow) };
}

function looksLikeFlow(document: unknown): boolean {
  return typeof document === 'object' && document !== null && ('nodes' in document || 'schemaVersion' in document);
}
