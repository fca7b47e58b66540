import type { Diagnostic, Severity } from '@parley/flow-schema';
import type { FileReport } from './validate.ts';

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The report people read: one block per file, the worst findings first, then a summary line. */
export function renderText(reports: FileReport[], skipped: string[]): string {
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const report of reports) {
    if (!report.ok) {
      lines.push(`${report.file}: not a Parley flow`, `  ${report.error.message}`);
      for (const issue of report.error.issues.slice(0, 10))
        lines.push(`    ${issue.path || '(document)'}: ${issue.message}`);
      if (report.error.issues.length > 10) lines.push(`    … and ${report.error.issues.length - 10} more`);
      continue;
    }
    if (report.diagnostics.length === 0) {
      lines.push(`${report.file}: no problems found`);
      continue;
    }
    lines.push(report.file);
    const sorted = [...report.diagnostics].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
    for (const diagnostic of sorted) {
      counts[diagnostic.severity] += 1;
      lines.push(`  ${diagnostic.severity.padEnd(7)} ${where(diagnostic)}${diagnostic.message} [${diagnostic.code}]`);
    }
  }
  for (const file of skipped) lines.push(`${file}: skipped, not a flow`);
  const broken = reports.filter((report) => !report.ok).length;
  const checked = reports.length;
  lines.push(
    '',
    `${checked} file${checked === 1 ? '' : 's'} checked: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info` +
      (broken > 0 ? `; ${broken} ${broken === 1 ? 'file is' : 'files are'} not a flow` : ''),
  );
  return `${lines.join('\n')}\n`;
}

function where(diagnostic: Diagnostic): string {
  return diagnostic.nodeId === undefined ? '' : `node ${diagnostic.nodeId}: `;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The report scripts read: every file with its diagnostics or its load error. */
export function renderJson(reports: FileReport[], skipped: string[]): string {
  return `${JSON.stringify({ files: reports, skipped }, null, 2)}\n`;
}
