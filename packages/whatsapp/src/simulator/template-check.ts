import type { TemplateBody, TemplateComponent } from '../schemas/outbound/template.ts';
import { checkParameterText, parameterLabel } from '../schemas/outbound/template-parameter-text.ts';
import type { TemplateEntry } from './state/templates.ts';

export type TemplateVerdict = { ok: true; entry: TemplateEntry } | { ok: false; code: number; details: string };

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

function placeholders(text: string | undefined): string[] {
  return [...new Set([...(text ?? '').matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))];
}

type Params =
  | Extract<TemplateComponent, { type: 'body' }>['parameters']
  | Extract<TemplateComponent, { type: 'header' }>['parameters'];

/**
 * Meta's synchronous template checks, reference §2.7 and §4.3: unknown name or
 * language or not approved → 132001, paused → 132015, disabled → 132016,
 * parameter count → 132000, parameter type or format → 132012, and the text
 * rules of §0.1: a newline, tab or more than 4 spaces in a row → 132018, an
 * empty or blank text → 131008. The route validates the payload first, which
 * applies the same text rules, so here they guard direct callers.
 */
export function checkTemplateSend(entry: TemplateEntry | undefined, template: TemplateBody): TemplateVerdict {
  if (!entry || !['APPROVED', 'PAUSED', 'DISABLED'].includes(entry.status)) {
    return {
      ok: false,
      code: 132001,
      details: `template name (${template.name}) does not exist in ${template.language.code}`,
    };
  }
  if (entry.status === 'PAUSED') return { ok: false, code: 132015, details: `template ${entry.name} is paused` };
  if (entry.status === 'DISABLED') return { ok: false, code: 132016, details: `template ${entry.name} is disabled` };

  const sent = template.components ?? [];
  const sentOf = (type: 'header' | 'body'): Params => {
    const found = sent.find((c) => c.type === type);
    return found && (found.type === 'header' || found.type === 'body') ? found.parameters : [];
  };
  for (const definition of entry.components) {
    const problem =
      definition.type === 'BODY'
        ? checkTextParams('body', placeholders(definition.text), sentOf('body'), entry.parameterFormat)
        : definition.type === 'HEADER'
          ? checkHeader(definition.format, definition.text, sentOf('header'), entry.parameterFormat)
          : definition.type === 'BUTTONS'
            ? checkButtons(definition.buttons ?? [], sent)
            : undefined;
    if (problem) return { ok: false, ...problem };
  }
  return { ok: true, entry };
}

type Problem = { code: number; details: string } | undefined;

function checkTextParams(where: string, expected: string[], params: Params, format: 'POSITIONAL' | 'NAMED'): Problem {
  if (params.length !== expected.length) {
    return {
      code: 132000,
      details: `${where}: number of localizable_params (${params.length}) does not match the expected number of params (${expected.length})`,
    };
  }
  const names = params.map((p) => ('parameter_name' in p ? p.parameter_name : undefined));
  if (format === 'NAMED') {
    const missing = expected.filter((name) => !names.includes(name));
    if (missing.length > 0) {
      return { code: 132000, details: `${where}: missing named parameters: ${missing.join(', ')}` };
    }
  } else if (names.some((name) => name !== undefined)) {
    return {
      code: 132012,
      details: `${where}: the template uses positional parameters; parameter_name is not expected`,
    };
  }
  for (const [position, param] of params.entries()) {
    if (param.type !== 'text') continue;
    const problem = checkParameterText(parameterLabel(where, position, param.parameter_name), param.text);
    if (problem) return { code: problem.code, details: problem.message };
  }
  return undefined;
}

function checkHeader(
  format: string | undefined,
  text: string | undefined,
  params: Params,
  parameterFormat: 'POSITIONAL' | 'NAMED',
): Problem {
  const kind = (format ?? 'TEXT').toUpperCase();
  if (kind === 'TEXT') return checkTextParams('header', placeholders(text), params, parameterFormat);
  const [first] = params;
  if (!first) return { code: 132000, details: `header: a ${kind} header needs one parameter` };
  if (first.type.toUpperCase() !== kind) {
    return { code: 132012, details: `header: Format mismatch, expected ${kind}, received ${first.type.toUpperCase()}` };
  }
  return undefined;
}

function checkButtons(
  buttons: readonly { type: string; url?: string | undefined }[],
  sent: TemplateComponent[],
): Problem {
  for (const [index, button] of buttons.entries()) {
    const needsParam = (button.type === 'URL' && placeholders(button.url).length > 0) || button.type === 'COPY_CODE';
    if (!needsParam) continue;
    const given = sent.find((c) => c.type === 'button' && Number(c.index) === index);
    const params = given && given.type === 'button' ? (given.parameters ?? []) : [];
    if (params.length !== 1) {
      return {
        code: 132000,
        details: `button at index ${index} of type ${button.type} requires one parameter, got ${params.length}`,
      };
    }
    const [param] = params;
    if (param?.type !== 'text') continue;
    const problem = checkParameterText(
      `the ${button.type.toLowerCase()} button parameter at index ${index}`,
      param.text,
    );
    if (problem) return { code: problem.code, details: problem.message };
  }
  return undefined;
}
