import { z } from 'zod';
import { CLOUD_API_LIMITS } from '../limits.ts';
import { BAD_VALUE, ButtonIndex, MediaRef } from './common.ts';
import { checkParameterText, parameterLabel } from './template-parameter-text.ts';

// Template messages, reference §2.7.
// https://developers.facebook.com/docs/whatsapp/cloud-api/guides/send-message-templates

/** Named parameters: lowercase letters and underscores (whatsapp-api-js enforces ≤20). */
const ParameterName = z.string().regex(/^[a-z_][a-z0-9_]{0,19}$/, {
  error: 'a parameter name is lowercase letters, digits and underscores, at most 20 characters',
});

// Text values are not `min(1)` here: an empty one is Meta's 131008, not a length error (see checkParameters).
const TextParameter = z.looseObject({
  type: z.literal('text'),
  text: z.string(),
  parameter_name: ParameterName.optional(),
});
const CurrencyParameter = z.looseObject({
  type: z.literal('currency'),
  parameter_name: ParameterName.optional(),
  currency: z.looseObject({
    fallback_value: z.string().min(1),
    code: z.string().regex(/^[A-Z]{3}$/),
    amount_1000: z.number().int().positive(),
  }),
});
const DateTimeParameter = z.looseObject({
  type: z.literal('date_time'),
  parameter_name: ParameterName.optional(),
  date_time: z.looseObject({ fallback_value: z.string().min(1) }),
});

const BodyParameter = z.discriminatedUnion('type', [TextParameter, CurrencyParameter, DateTimeParameter]);
const HeaderParameter = z.discriminatedUnion('type', [
  TextParameter,
  CurrencyParameter,
  DateTimeParameter,
  z.looseObject({ type: z.literal('image'), image: MediaRef }),
  z.looseObject({ type: z.literal('video'), video: MediaRef }),
  z.looseObject({ type: z.literal('document'), document: MediaRef }),
  z.looseObject({
    type: z.literal('location'),
    location: z.looseObject({ latitude: z.coerce.number(), longitude: z.coerce.number() }),
  }),
  z.looseObject({ type: z.literal('product'), product: z.looseObject({}) }),
]);
const ButtonParameter = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('payload'), payload: z.string().min(1) }),
  z.looseObject({ type: z.literal('text'), text: z.string() }),
  z.looseObject({ type: z.literal('coupon_code'), coupon_code: z.string().min(1).max(15) }),
  z.looseObject({ type: z.literal('action'), action: z.looseObject({}) }),
]);

export const TemplateComponent = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('header'), parameters: z.array(HeaderParameter) }),
  z.looseObject({ type: z.literal('body'), parameters: z.array(BodyParameter) }),
  z.looseObject({
    type: z.literal('button'),
    sub_type: z.enum(['quick_reply', 'url', 'copy_code', 'flow', 'catalog', 'mpm', 'voice_call', 'order_details']),
    index: ButtonIndex,
    parameters: z.array(ButtonParameter).optional(),
  }),
  // Limited-time offer and carousel components are Meta's; let them through.
  z.looseObject({ type: z.literal('limited_time_offer') }),
  z.looseObject({ type: z.literal('carousel') }),
]);
export type TemplateComponent = z.infer<typeof TemplateComponent>;

export const TemplateBody = z
  .looseObject({
    name: z
      .string()
      .min(1)
      .max(CLOUD_API_LIMITS.templateName)
      .regex(/^[a-z0-9_]+$/, { error: 'a template name is lowercase letters, digits and underscores' }),
    language: z.looseObject({ code: z.string().min(2), policy: z.literal('deterministic').optional() }),
    components: z.array(TemplateComponent).optional(),
  })
  .superRefine((template, ctx) => checkParameters(template.components ?? [], ctx));
export type TemplateBody = z.infer<typeof TemplateBody>;

function checkParameters(components: TemplateComponent[], ctx: z.RefinementCtx): void {
  const bodyOnly = components.every((c) => c.type === 'body');
  let named = 0;
  let positional = 0;
  components.forEach((component, c) => {
    if (component.type === 'button') {
      (component.parameters ?? []).forEach((parameter, p) => {
        if (parameter.type !== 'text') return;
        const label = `the ${component.sub_type} button parameter at index ${String(component.index)}`;
        addTextProblem(ctx, label, parameter.text, ['components', c, 'parameters', p, 'text']);
      });
      return;
    }
    if (component.type !== 'header' && component.type !== 'body') return;
    const max =
      component.type === 'header'
        ? CLOUD_API_LIMITS.templateHeaderParameter
        : bodyOnly
          ? CLOUD_API_LIMITS.templateBodyOnlyParameter
          : CLOUD_API_LIMITS.templateBodyParameter;
    component.parameters.forEach((parameter, p) => {
      if (parameter.type !== 'text' && parameter.type !== 'currency' && parameter.type !== 'date_time') return;
      if (parameter.parameter_name === undefined) positional += 1;
      else named += 1;
      if (parameter.type !== 'text') return;
      const path = ['components', c, 'parameters', p, 'text'];
      if (parameter.text.length > max) {
        ctx.addIssue({
          code: 'custom',
          message: `the ${component.type} parameter is ${parameter.text.length} characters; WhatsApp allows ${max}`,
          path,
          params: { graphCode: 132005 },
        });
      }
      addTextProblem(ctx, parameterLabel(component.type, p, parameter.parameter_name), parameter.text, path);
    });
  });
  if (named > 0 && positional > 0) {
    ctx.addIssue({
      code: 'custom',
      message: 'named and positional parameters are mixed; a template uses one or the other',
      path: ['components'],
      params: BAD_VALUE,
    });
  }
}

function addTextProblem(ctx: z.RefinementCtx, label: string, text: string, path: (string | number)[]): void {
  const problem = checkParameterText(label, text);
  if (problem) ctx.addIssue({ code: 'custom', message: problem.message, path, params: { graphCode: problem.code } });
}
