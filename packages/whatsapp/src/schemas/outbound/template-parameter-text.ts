import { checkTemplateParameterText, TEMPLATE_PARAMETER_TEXT_RULES } from '@parley/whatsapp-rules';

/**
 * What Meta answers for a template's text parameter it refuses, reference §0.1:
 * 131008 for empty or whitespace-only text, 132018 for a newline, a tab or more
 * than 4 consecutive spaces. The rule itself lives in @parley/whatsapp-rules
 * (shared with the flow validator); this adds the wording of a Graph error, so
 * the outbound validator and the simulator's template check say the same thing.
 */
export type ParameterTextProblem = { code: 131008 | 132018; message: string };

/**
 * The problem with `text` as the value of the parameter called `label` (e.g.
 * "the body parameter {{1}}"), or undefined when Meta would take it.
 */
export function checkParameterText(label: string, text: string): ParameterTextProblem | undefined {
  const check = checkTemplateParameterText(text);
  if (check.ok) return undefined;
  return {
    code: check.code,
    message: `${label} ${check.problem}; ${TEMPLATE_PARAMETER_TEXT_RULES[check.rule].explanation}`,
  };
}

/** How Meta's users name a parameter: `{{2}}` by position (1-based) or `{{first_name}}` by name. */
export function parameterLabel(where: string, position: number, name: string | undefined): string {
  return `the ${where} parameter {{${name ?? String(position + 1)}}}`;
}
