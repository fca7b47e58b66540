import { findPlaceholders } from '../placeholders.ts';
import type { DiagnosticCode } from './catalogue.ts';
import type { Path, ValidationContext } from './context.ts';

export type Measured = { length: number; note: string };

/**
 * The length of flow text as the customer would see it, in characters (code
 * points, so an emoji counts once). A placeholder counts as its variable's
 * `example` when there is one, else as nothing: the real text can only be
 * longer, so a rule that fires on this count fires for every customer.
 */
export function measure(text: string, ctx: ValidationContext): Measured {
  const placeholders = findPlaceholders(text);
  if (placeholders.length === 0) return { length: countCharacters(text), note: '' };
  let length = 0;
  let cursor = 0;
  const counted: string[] = [];
  for (const placeholder of placeholders) {
    length += countCharacters(text.slice(cursor, placeholder.start));
    cursor = placeholder.end;
    const example = ctx.variables.get(placeholder.root)?.example;
    if (example !== undefined && placeholder.name === placeholder.root) {
      length += countCharacters(example);
      counted.push(`{{${placeholder.name}}} as "${example}"`);
    } else {
      counted.push(`{{${placeholder.name}}} as nothing`);
    }
  }
  length += countCharacters(text.slice(cursor));
  return { length, note: ` (counting ${counted.join(', ')})` };
}

export function countCharacters(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/**
 * Reports `code` when `text` is longer than `max` (or empty, when `required`).
 * `what` names the thing, e.g. `The button "Talk to a person now"`.
 */
export function checkLength(
  ctx: ValidationContext,
  code: DiagnosticCode,
  text: string | undefined,
  rule: { max: number; required?: boolean; what: string; nodeId: string; path: Path },
): void {
  if (text === undefined) {
    if (rule.required) ctx.report(code, `${rule.what} is missing; WhatsApp requires it.`, rule);
    return;
  }
  if (rule.required && text.trim() === '') {
    ctx.report(code, `${rule.what} is empty; WhatsApp requires 1 to ${rule.max} characters.`, rule);
    return;
  }
  // Fast path: UTF-16 length never undercounts characters, so short literal text needs no counting.
  if (text.length <= rule.max && !text.includes('{{')) return;
  const { length, note } = measure(text, ctx);
  if (length > rule.max) {
    ctx.report(code, `${rule.what} is ${length} characters${note}; WhatsApp allows ${rule.max}.`, rule);
  }
}

/** A short quotation of flow text for messages. */
export function quote(text: string): string {
  const trimmed = text.trim();
  return `"${countCharacters(trimmed) > 40 ? `${[...trimmed].slice(0, 37).join('')}…` : trimmed}"`;
}
