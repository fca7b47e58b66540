import type { z } from 'zod';
import type { GraphError } from '../schemas/graph/error.ts';
import { MarkReadRequest, OutboundMessage } from '../schemas/outbound/message.ts';
import { buildGraphError } from './graph-error.ts';
import { httpStatusForCode } from './http-status.ts';

/** One rule a payload broke: where (Meta's `Param a['b'][0]` form), what, and the Graph code. */
export type OutboundIssue = { path: string; message: string; graphCode: number };

export type ValidationResult<T> =
  | { ok: true; value: T }
  | { ok: false; status: number; error: GraphError; issues: OutboundIssue[] };

/**
 * Validates a `/messages` send body with Meta's limits. On failure returns the
 * Graph error Meta would answer with: the first issue decides the code
 * (missing → 131008, bad type or length → 100, bad format or rule → 131009,
 * template rules → 1320xx) and `error_data.details` names the field.
 */
export function validateOutboundMessage(body: unknown): ValidationResult<OutboundMessage> {
  return validateWith(OutboundMessage, body);
}

/** Validates a mark-as-read or typing-indicator body. */
export function validateMarkRead(body: unknown): ValidationResult<MarkReadRequest> {
  return validateWith(MarkReadRequest, body);
}

function validateWith<S extends z.ZodType>(schema: S, body: unknown): ValidationResult<z.infer<S>> {
  const result = schema.safeParse(body);
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues.map((issue) => toOutboundIssue(issue, body));
  const first = issues[0] ?? { path: '', message: 'the payload is invalid', graphCode: 100 };
  const details = first.path === '' ? first.message : `Param ${first.path}: ${first.message}`;
  return {
    ok: false,
    status: httpStatusForCode(first.graphCode),
    error: buildGraphError(first.graphCode, details),
    issues,
  };
}

function toOutboundIssue(issue: z.core.$ZodIssue, body: unknown): OutboundIssue {
  const value = valueAt(body, issue.path);
  return { path: metaPath(issue.path), message: describe(issue, value), graphCode: graphCodeOf(issue, value) };
}

function graphCodeOf(issue: z.core.$ZodIssue, value: unknown): number {
  if (issue.code === 'custom') {
    const code = issue.params?.graphCode;
    return typeof code === 'number' ? code : 131009;
  }
  if (value === undefined) return 131008;
  if (issue.code === 'invalid_union' && issue.path.length === 1 && issue.path[0] === 'type') return 131051;
  if (issue.code === 'invalid_format') return 131009;
  return 100;
}

function describe(issue: z.core.$ZodIssue, value: unknown): string {
  if (value === undefined && issue.code !== 'custom') return 'is required but missing';
  switch (issue.code) {
    case 'too_big':
      return `${measure(value, issue.origin)}; WhatsApp allows at most ${issue.maximum}`;
    case 'too_small':
      return `${measure(value, issue.origin)}; WhatsApp needs at least ${issue.minimum}`;
    case 'invalid_type':
      return `must be ${issue.expected}, not ${Array.isArray(value) ? 'array' : typeof value}`;
    case 'invalid_value':
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'invalid_union':
      return issue.errors.length === 0
        ? `${JSON.stringify(value)} is not a type WhatsApp supports here`
        : 'matches none of the shapes WhatsApp accepts here';
    case 'invalid_format':
      return issue.format === 'regex' || issue.format === 'url'
        ? withFallback(issue.message, issue.format)
        : `is not a valid ${issue.format}`;
    default:
      return issue.message;
  }
}

function withFallback(message: string, format: string): string {
  return message.startsWith('Invalid') ? `is not a valid ${format === 'url' ? 'http(s) URL' : 'value'}` : message;
}

function measure(value: unknown, origin: string): string {
  if (typeof value === 'string') return `is ${value.length} characters`;
  if (Array.isArray(value)) return `has ${value.length} items`;
  if (typeof value === 'number') return `is ${value}`;
  return `is out of range (${origin})`;
}

/** `interactive['action']['buttons'][0]['reply']['title']`, as Meta writes it. */
export function metaPath(path: readonly PropertyKey[]): string {
  const [head, ...rest] = path;
  if (head === undefined) return '';
  return `${String(head)}${rest.map((key) => (typeof key === 'number' ? `[${key}]` : `['${String(key)}']`)).join('')}`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = Reflect.get(current, key);
  }
  return current;
}
