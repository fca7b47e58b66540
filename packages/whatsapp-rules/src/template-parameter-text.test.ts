import { describe, expect, it } from 'vitest';
import { checkTemplateParameterText } from './template-parameter-text.ts';

describe('checkTemplateParameterText', () => {
  it.each(['Maria', 'order 12', 'four    spaces', ' padded ', 'émoji 🎉'])('takes %j', (text) => {
    expect(checkTemplateParameterText(text)).toEqual({ ok: true });
  });

  it.each([
    ['', 131008, 'not_blank', 'is empty'],
    ['   ', 131008, 'not_blank', 'is only whitespace'],
    ['\n\t', 131008, 'not_blank', 'is only whitespace'],
    ['line one\nline two', 132018, 'single_line', 'contains a newline'],
    ['windows\r\nline', 132018, 'single_line', 'contains a newline'],
    ['a\ttab', 132018, 'single_line', 'contains a tab'],
    ['five     spaces', 132018, 'single_line', 'has 5 consecutive spaces'],
    ['one  then      six', 132018, 'single_line', 'has 6 consecutive spaces'],
  ] as const)('refuses %j with %i (%s)', (text, code, rule, problem) => {
    expect(checkTemplateParameterText(text)).toEqual({ ok: false, code, rule, problem });
  });
});
