import type { Hono } from 'hono';
import { z } from 'zod';
import { TemplateCategory, TemplateComponentDefinition } from '../../schemas/graph/templates.ts';
import type { SimContext } from '../context.ts';
import { type Answer, graphError, graphRoute } from './graph-route.ts';
import { scheduleReview } from './templates.ts';

const VERSION = '/:version{v\\d+\\.0}';

const DEFAULT_PHONE_FIELDS = ['id', 'display_phone_number', 'verified_name', 'quality_rating'];

const TemplateEdit = z.looseObject({
  category: TemplateCategory.optional(),
  components: z.array(TemplateComponentDefinition).min(1).optional(),
});

function tierName(users: number | undefined): string {
  if (users === undefined) return 'TIER_UNLIMITED';
  if (users >= 100_000) return 'TIER_100K';
  if (users >= 10_000) return 'TIER_10K';
  if (users >= 2_000) return 'TIER_2K';
  return 'TIER_250';
}

function phoneNumberFields(ctx: SimContext, fields: string[]): Record<string, unknown> {
  const digits = ctx.options.displayPhoneNumber;
  const all: Record<string, unknown> = {
    id: ctx.options.phoneNumberId,
    display_phone_number: `+${digits}`,
    verified_name: ctx.options.verifiedName,
    quality_rating: 'GREEN',
    whatsapp_business_manager_messaging_limit: tierName(ctx.options.tierLimit?.uniqueUsers),
    throughput: { level: ctx.options.throughputPerSecond > 80 ? 'HIGH' : 'STANDARD' },
    platform_type: 'CLOUD_API',
    status: 'CONNECTED',
    code_verification_status: 'VERIFIED',
    name_status: 'APPROVED',
  };
  return Object.fromEntries(fields.filter((f) => f in all).map((f) => [f, all[f]]));
}

const notFound = (id: string | undefined): Answer =>
  graphError(
    100,
    `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
  );

/**
 * Graph objects by id, reference §10.2, §7.1 and §6.1: media upload, retrieve
 * (a 5-minute URL), download (with the bearer token), delete; template edit;
 * phone number fields.
 */
export function registerObjectRoutes(app: Hono, ctx: SimContext): void {
  app.post(
    `${VERSION}/:pnid/media`,
    graphRoute(ctx, 'other', async (c) => {
      if (c.req.param('pnid') !== ctx.options.phoneNumberId) return notFound(c.req.param('pnid'));
      const form = await c.req.parseBody().catch(() => undefined);
      const file = form?.file;
      if (form === undefined || form.messaging_product !== 'whatsapp') {
        return graphError(131008, 'Required parameter is missing: messaging_product');
      }
      if (!(file instanceof File)) return graphError(131008, 'Required parameter is missing: file');
      const declared = typeof form.type === 'string' && form.type !== '' ? form.type : file.type;
      const stored = ctx.media.put(new Uint8Array(await file.arrayBuffer()), declared, ctx.clock.now());
      if (!stored.ok) return graphError(131053, stored.details);
      return { status: 200, body: { id: stored.media.id } };
    }),
  );

  app.get(
    `${VERSION}/:id`,
    graphRoute(ctx, 'other', (c) => {
      const id = c.req.param('id');
      if (id === ctx.options.phoneNumberId) {
        const fields =
          c.req
            .query('fields')
            ?.split(',')
            .map((f) => f.trim()) ?? DEFAULT_PHONE_FIELDS;
        return { status: 200, body: { ...phoneNumberFields(ctx, fields), id } };
      }
      const media = id === undefined ? undefined : ctx.media.get(id);
      if (!media) return notFound(id);
      const owner = c.req.query('phone_number_id');
      if (owner !== undefined && owner !== ctx.options.phoneNumberId) return notFound(id);
      const token = ctx.media.issueUrl(media.id, ctx.clock.now());
      const url = new URL(`/media-bin/${token}`, c.req.url).toString();
      return {
        status: 200,
        body: {
          messaging_product: 'whatsapp',
          url,
          mime_type: media.mimeType,
          sha256: media.sha256,
          file_size: String(media.bytes.byteLength),
          id: media.id,
        },
      };
    }),
  );

  app.delete(
    `${VERSION}/:id`,
    graphRoute(ctx, 'other', (c) => {
      const id = c.req.param('id') ?? '';
      return ctx.media.delete(id) ? { status: 200, body: { success: true } } : notFound(id);
    }),
  );

  app.post(
    `${VERSION}/:id`,
    graphRoute(ctx, 'other', (c, body) => {
      const entry = ctx.templates.byId(c.req.param('id') ?? '');
      if (!entry) return notFound(c.req.param('id'));
      if (!['APPROVED', 'REJECTED', 'PAUSED'].includes(entry.status)) {
        return graphError(
          100,
          `Template ${entry.name} is ${entry.status}; only APPROVED, REJECTED or PAUSED templates can be edited`,
        );
      }
      const edit = TemplateEdit.safeParse(body);
      if (!edit.success) return graphError(100, `Invalid parameter: ${edit.error.issues[0]?.message ?? ''}`);
      if (edit.data.category !== undefined && entry.status === 'APPROVED' && edit.data.category !== entry.category) {
        return graphError(100, "An approved template's category cannot be changed");
      }
      if (edit.data.category) entry.category = edit.data.category;
      if (edit.data.components) entry.components = edit.data.components;
      // Edited templates go back to review, like Meta's.
      entry.status = 'PENDING';
      scheduleReview(ctx, entry);
      return { status: 200, body: { success: true } };
    }),
  );

  app.get(
    '/media-bin/:token',
    graphRoute(ctx, 'other', (c) => {
      const media = ctx.media.redeem(c.req.param('token') ?? '', ctx.clock.now());
      if (!media) return { raw: new Response('Not Found', { status: 404 }) };
      return {
        raw: new Response(Buffer.from(media.bytes), {
          status: 200,
          headers: { 'content-type': media.mimeType, 'content-length': String(media.bytes.byteLength) },
        }),
      };
    }),
  );
}
