import type { z } from 'zod';

/**
 * JSON columns are parsed with zod on read: the database is an edge too. A row
 * that no longer matches its schema is a bug (or a hand-edited file), so it throws
 * with the column named.
 */
export function readJson<S extends z.ZodType>(schema: S, text: string, column: string): z.infer<S> {
  const parsed = schema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new Error(`the stored ${column} does not match its schema: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

export function writeJson(value: unknown): string {
  return JSON.stringify(value);
}
