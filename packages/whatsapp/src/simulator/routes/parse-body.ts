import type { Context } from 'hono';
import type { z } from 'zod';

/** Parses a `/_sim` control body; a bad one is answered 400 with each issue's path and message. */
export async function parseBody<S extends z.ZodType>(
  c: Context,
  schema: S,
): Promise<{ ok: true; value: z.infer<S> } | { ok: false; response: Response }> {
  const json: unknown = await c.req.json().catch(() => undefined);
  const result = schema.safeParse(json);
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  return { ok: false, response: c.json({ error: 'invalid body', issues }, 400) };
}
