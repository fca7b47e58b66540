import type { ConditionRule } from '@parley/flow-schema';
import { compilePattern } from './answers.ts';
import { normalizeWords } from './normalize.ts';
import { notice, type StepState } from './step-state.ts';
import { displayValue, readVariable, renderText } from './variables.ts';

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const parsed = Number(value.trim().replace(',', '.'));
  return Number.isFinite(parsed) ? parsed : undefined;
}

function isSet(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  return true;
}

function equal(left: unknown, right: string): boolean {
  const a = asNumber(left);
  const b = asNumber(right);
  if (a !== undefined && b !== undefined) return a === b;
  const text = displayValue(left);
  return text !== undefined && normalizeWords(text) === normalizeWords(right);
}

function contains(left: unknown, right: string): boolean {
  if (Array.isArray(left)) return left.some((item) => equal(item, right));
  const text = displayValue(left);
  return text !== undefined && normalizeWords(text).includes(normalizeWords(right));
}

/**
 * Whether a condition rule holds. Text comparisons ignore case and accents,
 * numbers compare as numbers ("1500" equals 1500.0), and a comparison with a
 * missing or non-numeric value is simply false.
 */
export function ruleHolds(st: StepState, nodeId: string, rule: ConditionRule): boolean {
  const left = readVariable(st, rule.variable);
  switch (rule.operator) {
    case 'is_set':
      return isSet(left);
    case 'is_not_set':
      return !isSet(left);
    default:
      break;
  }
  const right = renderText(st, rule.value, nodeId);
  switch (rule.operator) {
    case 'equals':
      return equal(left, right);
    case 'not_equals':
      return !equal(left, right);
    case 'contains':
      return contains(left, right);
    case 'greater_than':
    case 'less_than': {
      const a = asNumber(left);
      const b = asNumber(right);
      if (a === undefined || b === undefined) return false;
      return rule.operator === 'greater_than' ? a > b : a < b;
    }
    case 'matches': {
      const regex = compilePattern(right);
      if (regex === undefined) {
        notice(st, 'invalid_pattern', nodeId, `Rule "${rule.id}" has a pattern that does not compile: ${right}`);
        return false;
      }
      const text = displayValue(left);
      return text !== undefined && regex.test(text);
    }
  }
}
