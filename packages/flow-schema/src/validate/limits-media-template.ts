import {
  checkTemplateParameterText,
  TEMPLATE_PARAMETER_TEXT_RULES,
  type TemplateParameterTextCheck,
} from '@parley/whatsapp-rules';
import { MEDIA_EXTENSIONS, WHATSAPP_LIMITS } from '../limits.ts';
import type { NodeOfKind } from '../nodes/index.ts';
import type { TemplateMessage } from '../nodes/template-message.ts';
import { findPlaceholders } from '../placeholders.ts';
import { nameOf, type Path, type ValidationContext } from './context.ts';
import { checkReplyIds } from './limits-messages.ts';
import { checkLength } from './measure.ts';
import { templatesOf } from './text-fields.ts';

const L = WHATSAPP_LIMITS;

/** WhatsApp's limits on media messages and template sends (including template fallbacks). */
export function checkMediaAndTemplateLimits(ctx: ValidationContext): void {
  ctx.flow.nodes.forEach((node, index) => {
    const at = (...rest: Path) => ({ nodeId: node.id, path: ['nodes', index, ...rest] });
    if (node.kind === 'media') checkMedia(ctx, node, at);
    for (const { template, at: field } of templatesOf(node)) {
      checkTemplate(ctx, template, nameOf(node), (...rest) => at(field, ...rest));
      checkReplyIds(
        ctx,
        template.quickReplies.map((reply, r) => ({
          id: reply.payload,
          path: at(field, 'quickReplies', r, 'payload').path,
        })),
        L.replyButtonId,
        node,
      );
    }
  });
}

type At = (...rest: Path) => { nodeId: string; path: Path };

function checkMedia(ctx: ValidationContext, node: NodeOfKind<'media'>, at: At): void {
  const type = node.mediaType;
  if (node.caption !== undefined && (type === 'audio' || type === 'sticker')) {
    ctx.report(
      'limits.caption_not_allowed',
      `${nameOf(node)} sends ${type === 'audio' ? 'audio' : 'a sticker'} with a caption; WhatsApp shows captions only on images, videos and documents.`,
      at('caption'),
    );
  } else {
    checkLength(ctx, 'limits.caption_length', node.caption, {
      max: L.mediaCaption,
      what: `The caption of ${nameOf(node)}`,
      ...at('caption'),
    });
  }
  if (node.filename !== undefined && type !== 'document') {
    ctx.report(
      'limits.filename_not_allowed',
      `${nameOf(node)} sends ${article(type)} with a file name; only documents carry one.`,
      at('filename'),
    );
  }
  if (node.voice === true && type !== 'audio') {
    ctx.report(
      'limits.voice_not_allowed',
      `${nameOf(node)} sends ${article(type)} as a voice note; only audio can be a voice note.`,
      at('voice'),
    );
  }
  if ('link' in node.media) {
    const extension = extensionOf(node.media.link);
    const allowed: readonly string[] = MEDIA_EXTENSIONS[type];
    if (extension !== undefined && !allowed.includes(extension)) {
      ctx.report(
        'limits.media_extension',
        `${nameOf(node)} sends ${article(type)} from a ".${extension}" file; WhatsApp takes ${type} files ending in ${allowed.map((e) => `.${e}`).join(', ')}.`,
        at('media', 'link'),
      );
    }
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** The file ending of a link's path, lowercased; undefined when the path has none. */
function extensionOf(link: string): string | undefined {
  let pathname: string;
  try {
    pathname = new URL(link).pathname;
  } catch {
    return undefined;
  }
  const last = pathname.split('/').pop() ?? '';
  const dot = last.lastIndexOf('.');
  return dot <= 0 ? undefined : last.slice(dot + 1).toLowerCase();
}

const TEMPLATE_NAME = /^[a-z0-9_]+$/;

/** Names a contact may not have: WhatsApp profiles and business events often come without one. */
const OFTEN_EMPTY = new Set(['contact_name']);

/** A value that is nothing but placeholders, one of which is often empty. */
function mayComeOutEmpty(value: string): boolean {
  const found = findPlaceholders(value);
  if (found.length === 0) return false;
  const rest = found.reduceRight((text, p) => text.slice(0, p.start) + text.slice(p.end), value);
  return rest.trim() === '' && found.some((p) => OFTEN_EMPTY.has(p.name));
}

function checkTemplate(ctx: ValidationContext, template: TemplateMessage, owner: string, at: At): void {
  if (!TEMPLATE_NAME.test(template.name) || template.name.length > L.templateName) {
    ctx.report(
      'limits.template_name',
      `The template name "${template.name}" of ${owner} is not valid; WhatsApp template names use lowercase letters, digits and "_" (at most ${L.templateName}).`,
      at('name'),
    );
  }
  const expects = template.expects;
  if (expects !== undefined) {
    for (const [part, given, expected] of [
      ['header', template.headerParameters.length, expects.header],
      ['body', template.bodyParameters.length, expects.body],
    ] as const) {
      if (given === expected) continue;
      ctx.report(
        'limits.template_parameter_count',
        `The template "${template.name}" of ${owner} expects ${expected} ${part} parameter${expected === 1 ? '' : 's'}; ${given} ${given === 1 ? 'is' : 'are'} given. WhatsApp rejects the send (error 132000).`,
        at(part === 'header' ? 'headerParameters' : 'bodyParameters'),
      );
    }
  }
  const parameters = [
    ...template.headerParameters.map((p, i) => ({ p, path: ['headerParameters', i] })),
    ...template.bodyParameters.map((p, i) => ({ p, path: ['bodyParameters', i] })),
  ];
  const named = template.parameterFormat === 'named';
  const offender = parameters.find(({ p }) => (p.name !== undefined) !== named);
  if (offender !== undefined) {
    ctx.report(
      'limits.template_parameter_format_mixed',
      named
        ? `The template "${template.name}" of ${owner} uses named parameters, but a parameter has no name.`
        : `The template "${template.name}" of ${owner} uses positional parameters, but a parameter has a name; set parameterFormat to "named" and name them all.`,
      at(...offender.path),
    );
  }
  for (const { p, path } of parameters) {
    if (p.fallback === undefined && mayComeOutEmpty(p.value)) {
      ctx.report(
        'limits.template_parameter_may_be_empty',
        `A parameter of the template "${template.name}" of ${owner} is only "${p.value.trim()}", which is empty for customers WhatsApp gives no name (and for events that bring none); WhatsApp then refuses the whole message. Give the parameter a fallback, e.g. "there".`,
        at(...path),
      );
    }
  }
  checkParameterTexts(ctx, template, owner, at);
  template.headerParameters.forEach((p, i) => {
    checkLength(ctx, 'limits.template_header_parameter_length', p.value, {
      max: L.templateHeaderParameter,
      what: `Header parameter ${i + 1} of the template "${template.name}"`,
      ...at('headerParameters', i, 'value'),
    });
  });
  template.bodyParameters.forEach((p, i) => {
    checkLength(ctx, 'limits.template_body_parameter_length', p.value, {
      max: L.templateBodyParameter,
      what: `Body parameter ${i + 1} of the template "${template.name}"`,
      ...at('bodyParameters', i, 'value'),
    });
  });
}

/**
 * Meta's rules for the text of a template parameter (reference §0.1), applied
 * to what the flow itself writes: a placeholder stands for a value that is
 * neither empty nor whitespace, so only the flow's own text can break a rule
 * here (`limits.template_parameter_may_be_empty` covers values that come out
 * empty). A blank value with a fallback is fine: the fallback is sent instead.
 */
function checkParameterTexts(ctx: ValidationContext, template: TemplateMessage, owner: string, at: At): void {
  const where = `of the template "${template.name}" in the step ${owner}`;
  const withFallback = ' Write a value or give the parameter a fallback.';
  const fields: { what: string; value: string; fallback?: string | undefined; path: Path; ifBlank: string }[] = [
    ...template.headerParameters.map((p, i) => ({
      ...p,
      what: `Header parameter ${i + 1}`,
      path: ['headerParameters', i],
      ifBlank: withFallback,
    })),
    ...template.bodyParameters.map((p, i) => ({
      ...p,
      what: `Body parameter ${i + 1}`,
      path: ['bodyParameters', i],
      ifBlank: withFallback,
    })),
    // A link button's suffix is a text parameter too (without a fallback); a coupon code is not.
    ...template.buttonParameters.flatMap((p, i) =>
      p.subType === 'url'
        ? [
            {
              value: p.value,
              what: `The link of button ${p.index + 1}`,
              path: ['buttonParameters', i],
              ifBlank: ' Write a value.',
            },
          ]
        : [],
    ),
  ];
  for (const { what, value, fallback, path, ifBlank } of fields) {
    const checked = checkLiteralText(value);
    if (!checked.ok && !(checked.rule === 'not_blank' && fallback !== undefined)) {
      const hint = checked.rule === 'not_blank' ? ifBlank : '';
      reportText(ctx, `${what} ${where} ${checked.problem}`, checked, hint, at(...path, 'value'));
    }
    if (fallback === undefined) continue;
    const sent = checkLiteralText(fallback);
    if (!sent.ok) {
      reportText(
        ctx,
        `The fallback of ${lowerFirst(what)} ${where} ${sent.problem}`,
        sent,
        '',
        at(...path, 'fallback'),
      );
    }
  }
}

/** Meta's verdict on `text` with every placeholder standing for a one-character value. */
function checkLiteralText(text: string): TemplateParameterTextCheck {
  const found = findPlaceholders(text);
  return checkTemplateParameterText(found.reduceRight((t, p) => `${t.slice(0, p.start)}x${t.slice(p.end)}`, text));
}

function reportText(
  ctx: ValidationContext,
  finding: string,
  broken: Extract<TemplateParameterTextCheck, { ok: false }>,
  hint: string,
  where: { nodeId: string; path: Path },
): void {
  const rule = TEMPLATE_PARAMETER_TEXT_RULES[broken.rule].explanation;
  ctx.report(
    'limits.template_parameter_text',
    `${finding}; ${rule}, so WhatsApp refuses the message (error ${broken.code}).${hint}`,
    where,
  );
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
