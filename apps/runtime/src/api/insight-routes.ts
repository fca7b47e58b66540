import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { and, asc, count, eq } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { analyticsEvents, consents } from '../db/schema.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

const routes = {
  consents: createRoute({
    method: 'get',
    path: '/contacts/{id}/consents',
    tags: ['conversations'],
    request: { params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) }) },
    responses: {
      200: json(
        z.object({
          consents: z.array(
            z.object({
              category: z.string(),
              action: z.string(),
              wording: z.string(),
              source: z.string(),
              at: z.number(),
            }),
          ),
        }),
        'Consent evidence, oldest first',
      ),
    },
  }),
  analytics: createRoute({
    method: 'get',
    path: '/flows/{id}/analytics',
    tags: ['flows'],
    request: {
      params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) }),
      query: z.object({ version: z.coerce.number().int().min(1).optional() }),
    },
    responses: {
      200: json(
        z.object({
          visits: z.record(z.string(), z.number()),
          ends: z.record(z.string(), z.number()),
          handoffs: z.number(),
        }),
        'Node visits, how conversations ended, and handoffs to a person',
      ),
    },
  }),
};

/** Consent evidence per contact and per-flow analytics (node visits for the editor's heat map, outcomes). */
export function registerInsightRoutes(api: OpenAPIHono, deps: { db: Db; keyOf: (id: string) => string }): void {
  const { db } = deps;

  api.openapi(routes.consents, (c) => {
    const key = deps.keyOf(c.req.valid('param').id);
    const rows = db
      .select({
        category: consents.category,
        action: consents.action,
        wording: consents.wording,
        source: consents.source,
        at: consents.at,
      })
      .from(consents)
      .where(eq(consents.contactKey, key))
      .orderBy(asc(consents.at), asc(consents.id))
      .all();
    return c.json({ consents: rows }, 200);
  });

  api.openapi(routes.analytics, (c) => {
    const { id } = c.req.valid('param');
    const { version } = c.req.valid('query');
    const scope = and(
      eq(analyticsEvents.flowId, id),
      version === undefined ? undefined : eq(analyticsEvents.flowVersion, version),
    );
    const grouped = db
      .select({ type: analyticsEvents.type, nodeId: analyticsEvents.nodeId, data: analyticsEvents.data, n: count() })
      .from(analyticsEvents)
      .where(scope)
      .groupBy(analyticsEvents.type, analyticsEvents.nodeId, analyticsEvents.data)
      .all();
    const visits: Record<string, number> = {};
    const ends: Record<string, number> = {};
    let handoffs = 0;
    for (const row of grouped) {
      if (row.type === 'visit' && row.nodeId) visits[row.nodeId] = (visits[row.nodeId] ?? 0) + row.n;
      if (row.type === 'handoff') handoffs += row.n;
      if (row.type === 'end') {
        const outcome = outcomeOf(row.data);
        ends[outcome] = (ends[outcome] ?? 0) + row.n;
      }
    }
    return c.json({ visits, ends, handoffs }, 200);
  });
}

const EndData = z.object({ outcome: z.string() });

function outcomeOf(data: string | null): string {
  if (data === null) return 'unknown';
  const parsed = EndData.safeParse(JSON.parse(data));
  return parsed.success ? parsed.data.outcome : 'unknown';
}
