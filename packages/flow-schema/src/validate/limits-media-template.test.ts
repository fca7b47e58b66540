import { describe, expect, it } from 'vitest';
import { Flow } from '../flow.ts';
import { type NodeInput, replaceInfo, template } from './fixtures/base-flow.ts';
import { baseFlow } from './fixtures/cases.ts';
import { validateFlow } from './validate-flow.ts';

type Template = Extract<NodeInput, { kind: 'template' }>['template'];

function textFindings(extra: Partial<Template>) {
  const input = baseFlow();
  replaceInfo(input, template(extra));
  return validateFlow(Flow.parse(input))
    .filter((d) => d.code === 'limits.template_parameter_text')
    .map((d) => ({ path: d.path?.slice(3).join('.'), message: d.message }));
}

describe('template parameter text', () => {
  it.each<[string, Partial<Template>]>([
    ['plain text', { bodyParameters: [{ value: 'Order 12' }] }],
    ['a placeholder alone', { bodyParameters: [{ value: '{{first_name}}' }] }],
    ['four spaces around a placeholder', { bodyParameters: [{ value: '  {{first_name}}  ' }] }],
    ['an empty value with a fallback', { bodyParameters: [{ value: '', fallback: 'there' }] }],
    ['a coupon code', { buttonParameters: [{ index: 0, subType: 'copy_code', value: '' }] }],
  ])('lets %s through', (_, extra) => {
    expect(textFindings(extra)).toEqual([]);
  });

  it.each<[string, Partial<Template>, string, string]>([
    [
      'an empty value',
      { bodyParameters: [{ value: '' }] },
      'bodyParameters.0.value',
      'Body parameter 1 of the template "order_update" in the step "info" is empty; a template parameter cannot be empty or only whitespace, so WhatsApp refuses the message (error 131008). Write a value or give the parameter a fallback.',
    ],
    [
      'a tab beside a placeholder',
      { headerParameters: [{ value: '{{first_name}}\t!' }] },
      'headerParameters.0.value',
      'Header parameter 1 of the template "order_update" in the step "info" contains a tab; a template parameter cannot contain a newline, a tab or more than 4 consecutive spaces, so WhatsApp refuses the message (error 132018).',
    ],
    [
      'five spaces in a fallback',
      { bodyParameters: [{ value: '{{first_name}}', fallback: 'dear     customer' }] },
      'bodyParameters.0.fallback',
      'The fallback of body parameter 1 of the template "order_update" in the step "info" has 5 consecutive spaces; a template parameter cannot contain a newline, a tab or more than 4 consecutive spaces, so WhatsApp refuses the message (error 132018).',
    ],
    [
      'a blank link suffix',
      { buttonParameters: [{ index: 1, subType: 'url', value: ' ' }] },
      'buttonParameters.0.value',
      'The link of button 2 of the template "order_update" in the step "info" is only whitespace; a template parameter cannot be empty or only whitespace, so WhatsApp refuses the message (error 131008). Write a value.',
    ],
  ])('reports %s', (_, extra, path, message) => {
    expect(textFindings(extra)).toEqual([{ path, message }]);
  });
});
