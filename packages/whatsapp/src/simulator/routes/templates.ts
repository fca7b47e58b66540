import type { Hono } from 'hono';
import { TemplateCreateRequest } from '../../schemas/graph/templates.ts';
import { inBackground, type SimContext, sleep } from '../context.ts';
import { type TemplateEntry, templateRecord } from '../state/templates.ts';
import { templateStatusPayload } from '../webhook-payloads.ts';
import { type Answer, graphError, graphRoute } from './graph-route.ts';

const VERSION = '/:version{v\\d+\\.0}';

function wrongWaba(ctx: SimContext, wabaId: string | undefined): Answer | undefined {
  if (wabaId === ctx.options.wabaId) return undefined;
  return graphError(100, `Unsupported request. Object with ID '${wabaId}' does not exist or lacks permissions.`);
}

const cursor = {
  encode: (index: number) => Buffer.from(`offset:${index}`).toString('base64url'),
  decode: (value: string | undefined) => {
    if (value === undefined) return undefined;
    const match = /^offset:(\d+)$/.exec(Buffer.from(value, 'base64url').toString());
    return match?.[1] === undefined ? undefined : Number(match[1]);
  },
};

/**
 * Approves a PENDING template after `templateReviewMs` real milliseconds and
 * announces it with a `message_template_status_update` webhook, like Meta's review.
 */
export function scheduleReview(ctx: SimContext, entry: TemplateEntry): void {
  const review = ctx.options.templateReviewMs;
  if (review === null) return;
  inBackground(ctx, async () => {
    await sleep(ctx, review);
    if (ctx.closed.value || ctx.templates.byId(entry.id)?.status !== 'PENDING') return;
    ctx.templates.setStatus(entry.id, 'APPROVED');
    await ctx.webhooks.enqueue(
      `template:${entry.id}`,
      templateStatusPayload(ctx.business, entry, 'APPROVED', ctx.clock.now()),
    );
  });
}

/**
 * `GET/POST/DELETE /{version}/{waba-id}/message_templates`, reference §7.1:
 * cursor paging, PENDING on create (approved after `templateReviewMs`, with a
 * `message_template_status_update` webhook), delete by name or by `hsm_id`.
 */
export function registerTemplateRoutes(app: Hono, ctx: SimContext): void {
  const path = `${VERSION}/:wabaId/message_templates`;

  app.get(
    path,
    graphRoute(ctx, 'other', (c) => {
      const wrong = wrongWaba(ctx, c.req.param('wabaId'));
      if (wrong) return wrong;
      const q = (name: string) => c.req.query(name);
      const all = ctx.templates.list({
        name: q('name'),
        status: q('status'),
        category: q('category'),
        language: q('language'),
      });
      const limit = Math.max(1, Math.min(Number(q('limit') ?? 25) || 25, 1000));
      const after = cursor.decode(q('after'));
      const before = cursor.decode(q('before'));
      const start = after !== undefined ? after + 1 : before !== undefined ? Math.max(0, before - limit) : 0;
      const page = all.slice(start, start + limit);
      const fields = q('fields')
        ?.split(',')
        .map((f) => f.trim());
      const data = page.map((entry) => {
        const record: Record<string, unknown> = templateRecord(entry);
        if (!fields) return record;
        return Object.fromEntries(Object.entries(record).filter(([key]) => key === 'id' || fields.includes(key)));
      });
      const paging: Record<string, unknown> = {};
      if (page.length > 0)
        paging.cursors = { before: cursor.encode(start), after: cursor.encode(start + page.length - 1) };
      if (start + page.length < all.length) {
        const next = new URL(c.req.url);
        next.searchParams.set('after', cursor.encode(start + page.length - 1));
        next.searchParams.delete('before');
        paging.next = next.toString();
      }
      return { status: 200, body: { data, paging } };
    }),
  );

  app.post(
    path,
    graphRoute(ctx, 'other', (c, body) => {
      const wrong = wrongWaba(ctx, c.req.param('wabaId'));
      if (wrong) return wrong;
      const parsed = TemplateCreateRequest.safeParse(body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return graphError(100, `Invalid parameter ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`);
      }
      const request = parsed.data;
      if (ctx.templates.find(request.name, request.language)) {
        return graphError(100, `Content in this language already exists for template ${request.name}`);
      }
      if (!request.components.some((component) => component.type === 'BODY')) {
        return graphError(100, 'Invalid parameter components: a template needs exactly one BODY');
      }
      const entry = ctx.templates.add({
        name: request.name,
        language: request.language,
        category: request.category,
        status: 'PENDING',
        parameter_format: request.parameter_format,
        components: request.components,
      });
      scheduleReview(ctx, entry);
      return { status: 200, body: { id: entry.id, status: 'PENDING', category: entry.category } };
    }),
  );

  app.delete(
    path,
    graphRoute(ctx, 'other', (c) => {
      const wrong = wrongWaba(ctx, c.req.param('wabaId'));
      if (wrong) return wrong;
      const name = c.req.query('name');
      if (name === undefined) return graphError(131008, 'Required parameter is missing: name');
      const target = ctx.templates.list({ name }).find((e) => e.name === name && e.status === 'DISABLED');
      if (target) return graphError(100, `Template ${name} is disabled and cannot be deleted`);
      const deleted = ctx.templates.remove(name, c.req.query('hsm_id'));
      if (deleted === 0) return graphError(100, `Template ${name} does not exist`);
      return { status: 200, body: { success: true } };
    }),
  );
}
