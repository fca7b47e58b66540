/**
 * Reference §0.1 (corrections of 2026-12-02, measured against the API by
 * several third parties): what Meta refuses in the text of a template
 * parameter, and the error code it answers with. Shared by the flow validator
 * and the WhatsApp payload validator so the two cannot drift apart.
 */
export const TEMPLATE_PARAMETER_TEXT_RULES = {
  not_blank: {
    code: 131008,
    explanation: 'a template parameter cannot be empty or only whitespace',
    metaSays: 'Parameter of type text is missing text value',
  },
  single_line: {
    code: 132018,
    explanation: 'a template parameter cannot contain a newline, a tab or more than 4 consecutive spaces',
    metaSays: 'Param text cannot have new-line/tab characters or more than 4 consecutive spaces',
  },
} as const;

export type TemplateParameterTextRule = keyof typeof TEMPLATE_PARAMETER_TEXT_RULES;

/** More spaces than this in a row break the `single_line` rule. */
export const MAX_CONSECUTIVE_SPACES = 4;

export type TemplateParameterTextCheck =
  | { ok: true }
  | {
      ok: false;
      code: 131008 | 132018;
      rule: TemplateParameterTextRule;
      /** What is wrong with this text, in words that follow its name: "contains a tab". */
      problem: string;
    };

const SPACE_RUN = new RegExp(` {${MAX_CONSECUTIVE_SPACES + 1},}`, 'g');

/**
 * Whether Meta takes `text` as the value of a text parameter of a template
 * (header, body or URL button). Blank text (empty or only whitespace) breaks
 * `not_blank` (131008) before anything else; a newline (`\n` or `\r`), a tab
 * or a run of more than 4 spaces breaks `single_line` (132018). Pure.
 */
export function checkTemplateParameterText(text: string): TemplateParameterTextCheck {
  if (text.trim() === '') return broken('not_blank', text === '' ? 'is empty' : 'is only whitespace');
  if (/[\n\r]/.test(text)) return broken('single_line', 'contains a newline');
  if (text.includes('\t')) return broken('single_line', 'contains a tab');
  const longest = Math.max(0, ...Array.from(text.matchAll(SPACE_RUN), (run) => run[0].length));
  if (longest > 0) return broken('single_line', `has ${longest} consecutive spaces`);
  return { ok: true };
}

function broken(rule: TemplateParameterTextRule, problem: string): TemplateParameterTextCheck {
  return { ok: false, code: TEMPLATE_PARAMETER_TEXT_RULES[rule].code, rule, problem };
}
