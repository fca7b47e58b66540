import { createHash } from 'node:crypto';
import type { z } from 'zod';

/**
 * Meta batches up to 1000 updates in one POST and drops the whole POST after
 * repeated non-200 answers, so one item that does not match its known shape
 * must not fail the batch. Such an item is kept instead: the identity fields
 * that are still readable, the original object as `raw`, and `parse_error`
 * naming the field and the rule. Its typed body fields are left out so no
 * caller mistakes a broken body for content.
 */
export type Unrecognised = { raw: unknown; parse_error: string };

/** The fields of an item that are strings, for rebuilding a kept item from what is still readable. */
export function stringFields(item: unknown, names: readonly string[]): Record<string, string> {
  const kept: Record<string, string> = {};
  if (typeof item !== 'object' || item === null) return kept;
  for (const name of names) {
    const value: unknown = Reflect.get(item, name);
    if (typeof value === 'string') kept[name] = value;
  }
  return kept;
}

/**
 * An id for an item that came without one: derived from its content, so Meta's
 * redelivery of the same POST yields the same id and deduplicates.
 */
export function contentId(item: unknown): string {
  const digest = createHash('sha256')
    .update(JSON.stringify(item) ?? String(item))
    .digest('hex');
  return `unparsed.${digest.slice(0, 32)}`;
}

/** `location.latitude: Invalid input: expected number, received string; …` */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.map(String).join('.') : '(item)'}: ${issue.message}`)
    .join('; ');
}

/**
 * `schema` where it matches; otherwise the item rebuilt by `rebuild` from what
 * is still readable, with `raw` and `parse_error`. Never fails. Built on zod's
 * `catch` so a batch of good items stays on zod's fast path; only a broken item
 * is parsed again, to word its issues.
 */
export function keepUnrecognised<Schema extends z.ZodType>(
  schema: Schema,
  rebuild: (item: unknown, unrecognised: Unrecognised) => z.output<Schema>,
) {
  return schema.catch((ctx) => {
    const again = schema.safeParse(ctx.value);
    const parseError = again.success ? 'does not match its known shape' : describeIssues(again.error);
    return rebuild(ctx.value, { raw: ctx.value, parse_error: parseError });
  });
}
