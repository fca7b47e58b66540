import type { QuestionNode } from '@parley/flow-schema';
import { normalizeWords } from './normalize.ts';

export type AnswerCheck = { ok: true; value: string | number } | { ok: false; reason: string };

/**
 * Checks a customer's answer to a question node and returns the value to keep:
 * numbers as numbers (a decimal comma is fine), phones as +digits, dates as
 * ISO `yyyy-mm-dd`, choices in the author's spelling. Never throws, not even on
 * a broken regex pattern (that answer is then simply not valid).
 */
export function checkAnswer(node: Pick<QuestionNode, 'answerType' | 'choices' | 'pattern'>, raw: string): AnswerCheck {
  const text = raw.trim();
  if (text === '') return { ok: false, reason: 'the answer is empty' };
  switch (node.answerType) {
    case 'text':
      return { ok: true, value: text };
    case 'number':
      return checkNumber(text);
    case 'email':
      return /^[^\s@]+@[^\s@]+\.[^\s@.]{2,}$/.test(text)
        ? { ok: true, value: text }
        : { ok: false, reason: 'not an email address' };
    case 'phone':
      return checkPhone(text);
    case 'date':
      return checkDate(text);
    case 'choice': {
      const wanted = normalizeWords(text);
      const choice = node.choices.find((c) => normalizeWords(c) === wanted);
      return choice === undefined ? { ok: false, reason: 'not one of the choices' } : { ok: true, value: choice };
    }
    case 'regex':
      return checkPattern(node.pattern, text);
  }
}

function checkNumber(text: string): AnswerCheck {
  const compact = text.replace(/[\s€$£]/g, '');
  if (!/^[-+]?(\d+([.,]\d+)?|[.,]\d+)$/.test(compact)) return { ok: false, reason: 'not a number' };
  const value = Number(compact.replace(',', '.'));
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: 'not a number' };
}

function checkPhone(text: string): AnswerCheck {
  const compact = text.replace(/[\s\-().]/g, '').replace(/^00/, '+');
  return /^\+\d{8,15}$/.test(compact)
    ? { ok: true, value: compact }
    : { ok: false, reason: 'not an international phone number (+ and 8 to 15 digits)' };
}

function checkDate(text: string): AnswerCheck {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : local ? [local[3], local[2], local[1]] : [];
  if (year === undefined || month === undefined || day === undefined) return { ok: false, reason: 'not a date' };
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  // A calendar check without the clock: Date.UTC rolls 31/02 over to March.
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) {
    return { ok: false, reason: 'not a real calendar date' };
  }
  return { ok: true, value: `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` };
}

function checkPattern(pattern: string | undefined, text: string): AnswerCheck {
  const regex = compilePattern(pattern);
  if (regex === undefined) return { ok: false, reason: 'the question has no usable pattern' };
  return regex.test(text) ? { ok: true, value: text } : { ok: false, reason: 'does not match the expected format' };
}

/** A flow author's pattern as a RegExp, or `undefined` when it does not compile. */
export function compilePattern(pattern: string | undefined): RegExp | undefined {
  if (pattern === undefined) return undefined;
  try {
    return new RegExp(pattern, 'u');
  } catch {
    try {
      return new RegExp(pattern);
    } catch {
      return undefined;
    }
  }
}

const DEFAULT_RETRY: Record<QuestionNode['answerType'], string> = {
  text: 'Sorry, I did not get that. Could you type your answer?',
  number: 'Please answer with a number, for example 42.',
  email: 'Please send a valid email address, for example name@example.com.',
  phone: 'Please send a phone number with the country code, for example +49 30 1234567.',
  date: 'Please send a date, for example 31/12/2026 or 2026-12-31.',
  choice: 'Please answer with one of the options.',
  regex: 'Sorry, that is not in the expected format. Please try again.',
};

export function defaultRetryPrompt(node: Pick<QuestionNode, 'answerType' | 'choices'>): string {
  if (node.answerType === 'choice' && node.choices.length > 0) {
    return `Please answer with one of: ${node.choices.join(', ')}.`;
  }
  return DEFAULT_RETRY[node.answerType];
}
