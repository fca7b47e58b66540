import type { z } from 'zod';
import { CURRENT_SCHEMA_VERSION, Flow } from './flow.ts';
import { MIGRATIONS } from './migrations/index.ts';

export type LoadIssue = { path: string; message: string };
export type LoadError = {
  code: 'load.not_a_flow' | 'load.newer_version' | 'load.bad_version' | 'load.invalid';
  message: string;
  issues: LoadIssue[];
};
export type LoadResult =
  | { ok: true; flow: Flow; fromVersion: number; migrations: string[] }
  | { ok: false; error: LoadError };

/**
 * Reads any flow document Parley ever wrote: detects its version, applies the
 * named migrations above it in order, then parses it with the current schema.
 * Never throws on bad input; the error names each field and its rule.
 */
export function loadFlow(input: unknown): LoadResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail('load.not_a_flow', 'This is not a Parley flow: a flow file holds one JSON object.');
  }
  const document = Object.fromEntries(Object.entries(input));
  const version = document.schemaVersion === undefined ? 0 : document.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return fail('load.bad_version', 'schemaVersion must be a whole number such as 1.', [
      { path: 'schemaVersion', message: 'must be a whole number' },
    ]);
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    return fail(
      'load.newer_version',
      `This flow was saved by a newer Parley (schema ${version}); this one reads up to schema ${CURRENT_SCHEMA_VERSION}. Update Parley to open it.`,
    );
  }
  if (version === 0 && !('nodes' in document)) {
    return fail('load.not_a_flow', 'This is not a Parley flow: it has no schemaVersion and no nodes.');
  }

  let migrated = document;
  const applied: string[] = [];
  for (const migration of MIGRATIONS) {
    if (migration.to <= version) continue;
    migrated = migration.up(migrated);
    applied.push(migration.name);
  }

  const parsed = Flow.safeParse(migrated);
  if (!parsed.success) {
    const issues = describeIssues(parsed.error);
    const first = issues[0];
    const summary = first ? `${first.path || 'flow'}: ${first.message}` : 'the document does not match the flow schema';
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
    return fail('load.invalid', `This flow file has a problem. ${summary}${more}.`, issues);
  }
  return { ok: true, flow: parsed.data, fromVersion: version, migrations: applied };
}

function fail(code: LoadError['code'], message: string, issues: LoadIssue[] = []): LoadResult {
  return { ok: false, error: { code, message, issues } };
}

/** Zod issues as `path: rule` pairs, with union failures unfolded to the branch that came closest. */
export function describeIssues(error: z.ZodError): LoadIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: explain(issue) }));
}

function explain(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_union' && 'note' in issue && issue.note === 'No matching discriminator') {
    return `unknown ${String(issue.discriminator)}; expected one of the kinds this version of Parley knows`;
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) return `is required (${issue.expected})`;
  return issue.message;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text === '' ? String(key) : `${text}.${String(key)}`;
  }, '');
}
