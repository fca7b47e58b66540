/**
 * What Meta refuses in a template's text parameter, reference §0.1 (corrections
 * of 2026-12-02), measured against the API by several third parties: an empty
 * or whitespace-only value answers 131008 ("Parameter of type text is missing
 * text value"); a newline, a tab or more than four consecutive spaces answers
 * 132018 ("Param text cannot have new-line/tab characters or more than 4
 * consecutive spaces"). One rule, shared by the outbound validator and the
 * simulator's template check, so the two cannot drift apart.
 */
export type ParameterTextProblem = { code: 131008 | 132018; message: string };

const FORMAT_RULE = 'WhatsApp refuses newlines, tabs and more than 4 consecutive spaces in a template parameter';

/**
 * The problem with `text` as the value of the parameter called `label` (e.g.
 * "the body parameter {{1}}"), or undefined when Meta would take it.
 */
export function checkParameterText(label: string, text: string): ParameterTextProblem | undefined {
  if (text.trim() === '') {
    const what = text === '' ? 'is empty' : 'is only whitespace';
    return { code: 131008, message: `${label} ${what}; WhatsApp needs a text value for every text parameter` };
  }
  if (/[\n\r]/.test(text)) return { code: 132018, message: `${label} contains a newline; ${FORMAT_RULE}` };
  if (text.includes('\t')) return { code: 132018, message: `${label} contains a tab; ${FORMAT_RULE}` };
  const spaces = Math.max(0, ...[...text.matchAll(/ {5,}/g)].map((m) => m[0].length));
  if (spaces > 0) return { code: 132018, message: `${label} has ${spaces} consecutive spaces; ${FORMAT_RULE}` };
  return undefined;
}

/** How Meta's users name a parameter: `{{2}}` by position (1-based) or `{{first_name}}` by name. */
export function parameterLabel(where: string, position: number, name: string | undefined): string {
  return `the ${where} parameter {{${name ?? String(position + 1)}}}`;
}
