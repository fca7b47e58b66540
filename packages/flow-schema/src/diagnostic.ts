/**
 * A finding of `validateFlow`. Codes are stable API: editors, CI scripts and
 * docs key on them. Messages are for the people who draw flows: they name the
 * thing and the rule in plain words.
 */
export type Severity = 'error' | 'warning' | 'info';

export type Diagnostic = {
  code: string;
  severity: Severity;
  message: string;
  /** The node the finding is about, when there is one. */
  nodeId?: string;
  /** Where in the document, e.g. `["nodes", 3, "buttons", 0, "title"]`. */
  path?: (string | number)[];
};

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
