import { describe, expect, it } from 'vitest';
import type { TemplateBody } from '../schemas/outbound/template.ts';
import { FIXTURE_TEMPLATES } from '../testing/seed-templates.ts';
import { createTemplateRegistry } from './state/templates.ts';
import { checkTemplateSend } from './template-check.ts';

const registry = createTemplateRegistry(FIXTURE_TEMPLATES);

/** `order_shipped` (image header, body {{1}}–{{3}}, URL button at index 1) with the given body texts. */
function orderShipped(texts: string[], urlSuffix = '1001'): TemplateBody {
  return {
    name: 'order_shipped',
    language: { code: 'en_US' },
    components: [
      { type: 'header', parameters: [{ type: 'image', image: { id: '123' } }] },
      { type: 'body', parameters: texts.map((text) => ({ type: 'text', text })) },
      { type: 'button', sub_type: 'url', index: '1', parameters: [{ type: 'text', text: urlSuffix }] },
    ],
  };
}

function verdictOf(template: TemplateBody) {
  return checkTemplateSend(registry.find(template.name, template.language.code), template);
}

describe('the simulator’s template check applies the §0.1 text rules', () => {
  it.each([
    ['a newline', ['Pablo', 'a\nb', 'Monday'], 132018, 'the body parameter {{2}} contains a newline'],
    ['a tab', ['Pablo\t', 'shoes', 'Monday'], 132018, 'the body parameter {{1}} contains a tab'],
    ['5 spaces in a row', ['Pablo', 'shoes', 'Mon     day'], 132018, 'the body parameter {{3}} has 5 consecutive'],
    ['an empty value', ['', 'shoes', 'Monday'], 131008, 'the body parameter {{1}} is empty'],
    ['only whitespace', ['Pablo', ' \t ', 'Monday'], 131008, 'the body parameter {{2}} is only whitespace'],
  ])('refuses %s with %i and names the parameter', (_label, texts, code, says) => {
    const verdict = verdictOf(orderShipped(texts));
    expect(verdict.ok ? undefined : [verdict.code, verdict.details.startsWith(says)]).toEqual([code, true]);
  });

  it('names a named parameter by its name', () => {
    const verdict = verdictOf({
      name: 'reservation_confirmation',
      language: { code: 'en_US' },
      components: [
        {
          type: 'body',
          parameters: ['number_of_guests', 'day', 'date', 'time'].map((name) => ({
            type: 'text' as const,
            parameter_name: name,
            text: name === 'time' ? '8\npm' : 'x',
          })),
        },
      ],
    });
    expect(verdict.ok ? undefined : [verdict.code, verdict.details]).toEqual([
      132018,
      expect.stringContaining('the body parameter {{time}} contains a newline'),
    ]);
  });

  it('checks a URL button’s text parameter too', () => {
    const verdict = verdictOf(orderShipped(['Pablo', 'shoes', 'Monday'], '   '));
    expect(verdict.ok ? undefined : [verdict.code, verdict.details]).toEqual([
      131008,
      expect.stringContaining('the url button parameter at index 1 is only whitespace'),
    ]);
  });

  it('accepts 4 spaces in a row and surrounding spaces', () => {
    expect(verdictOf(orderShipped([' Pablo ', 'two    words', 'Monday'])).ok).toBe(true);
  });

  it('still counts parameters before reading them (132000)', () => {
    const verdict = verdictOf(orderShipped(['', 'shoes']));
    expect(verdict.ok ? undefined : verdict.code).toBe(132000);
  });
});
