import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { type Diagnostic, type Flow, hasErrors, loadFlow, validateFlow } from '@parley/flow-schema';
import type { Clock } from '../clock.ts';
import type { FlowStore } from '../flows/flow-store.ts';
import {
  ErrorBody,
  FlowDetail,
  FlowDocument,
  FlowIdParam,
  FlowSummary,
  FlowWithDiagnostics,
  VersionParam,
} from './api-schemas.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
const body = { body: { content: { 'application/json': { schema: FlowDocument } }, required: true } };
const tags = ['flows'];

const routes = {
  list: createRoute({
    method: 'get',
    path: '/flows',
    tags,
    responses: { 200: json(z.object({ flows: z.array(FlowSummary) }), 'Every flow, with its state') },
  }),
  create: createRoute({
    method: 'post',
    path: '/flows',
    tags,
    request: body,
    responses: {
      201: json(FlowWithDiagnostics, 'Created'),
      400: json(ErrorBody, 'Not a loadable flow'),
      409: json(ErrorBody, 'A flow with this id exists'),
    },
  }),
  import: createRoute({
    method: 'post',
    path: '/flows/import',
    tags,
    request: body,
    responses: {
      200: json(FlowWithDiagnostics, 'Replaced the draft of an existing flow'),
      201: json(FlowWithDiagnostics, 'Created'),
      400: json(ErrorBody, 'Not a loadable flow'),
    },
  }),
  get: createRoute({
    method: 'get',
    path: '/flows/{id}',
    tags,
    request: { params: FlowIdParam },
    responses: { 200: json(FlowDetail, 'The draft and its versions'), 404: json(ErrorBody, 'No such flow') },
  }),
  put: createRoute({
    method: 'put',
    path: '/flows/{id}',
    tags,
    request: { params: FlowIdParam, ...body },
    responses: { 200: json(FlowWithDiagnostics, 'Saved'), 400: json(ErrorBody, 'Not a loadable flow') },
  }),
  delete: createRoute({
    method: 'delete',
    path: '/flows/{id}',
    tags,
    request: { params: FlowIdParam },
    responses: {
      204: { description: 'Deleted; published versions stay for running conversations' },
      404: json(ErrorBody, 'No such flow'),
    },
  }),
  publish: createRoute({
    method: 'post',
    path: '/flows/{id}/publish',
    tags,
    request: { params: FlowIdParam },
    responses: {
      201: json(z.object({ version: z.number(), publishedAt: z.number() }), 'Published'),
      404: json(ErrorBody, 'No such flow'),
      422: json(ErrorBody, 'The flow has errors (see diagnostics)'),
    },
  }),
  version: createRoute({
    method: 'get',
    path: '/flows/{id}/versions/{version}',
    tags,
    request: { params: VersionParam },
    responses: {
      200: json(z.object({ version: z.number(), publishedAt: z.number(), flow: FlowDocument }), 'An immutable version'),
      404: json(ErrorBody, 'No such version'),
    },
  }),
  export: createRoute({
    method: 'get',
    path: '/flows/{id}/export',
    tags,
    request: { params: FlowIdParam },
    responses: { 200: json(FlowDocument, 'The draft document, as a download'), 404: json(ErrorBody, 'No such flow') },
  }),
};

const notFound = (id: string) => ({ error: { code: 'flow.not_found', message: `there is no flow "${id}"` } });

/** Flows CRUD, immutable versions, publish gated by validateFlow, export and import through loadFlow. */
export function registerFlowRoutes(
  api: OpenAPIHono,
  deps: { flows: FlowStore; clock: Clock; onPublished?: (flow: Flow) => void },
): void {
  const { flows, clock } = deps;
  const load = (input: unknown) => {
    const loaded = loadFlow(input);
    if (!loaded.ok) return { ok: false as const, body: { error: loaded.error } };
    return { ok: true as const, flow: loaded.flow, diagnostics: validateFlow(loaded.flow) };
  };
  const withDiagnostics = (flow: Flow, diagnostics: Diagnostic[]) => ({ flow, diagnostics });

  api.openapi(routes.list, (c) =>
    c.json(
      {
        flows: flows.list().map((row) => {
          const diagnostics = validateFlow(row.draft);
          return {
            id: row.id,
            name: row.name,
            description: row.description,
            updatedAt: row.updatedAt,
            publishedVersion: flows.latestVersion(row.id),
            errorCount: diagnostics.filter((d) => d.severity === 'error').length,
            warningCount: diagnostics.filter((d) => d.severity === 'warning').length,
          };
        }),
      },
      200,
    ),
  );

  api.openapi(routes.create, (c) => {
    const loaded = load(c.req.valid('json'));
    if (!loaded.ok) return c.json(loaded.body, 400);
    if (flows.exists(loaded.flow.id)) {
      return c.json(
        { error: { code: 'flow.exists', message: `a flow with id "${loaded.flow.id}" exists; use PUT or import` } },
        409,
      );
    }
    flows.saveDraft(loaded.flow, clock.now());
    return c.json(withDiagnostics(loaded.flow, loaded.diagnostics), 201);
  });

  api.openapi(routes.import, (c) => {
    const loaded = load(c.req.valid('json'));
    if (!loaded.ok) return c.json(loaded.body, 400);
    const existed = flows.exists(loaded.flow.id);
    flows.saveDraft(loaded.flow, clock.now());
    return c.json(withDiagnostics(loaded.flow, loaded.diagnostics), existed ? 200 : 201);
  });

  api.openapi(routes.get, (c) => {
    const { id } = c.req.valid('param');
    const draft = flows.getDraft(id);
    if (!draft) return c.json(notFound(id), 404);
    return c.json(
      {
        flow: draft.flow,
        diagnostics: validateFlow(draft.flow),
        publishedVersion: flows.latestVersion(id),
        versions: flows.versions(id),
      },
      200,
    );
  });

  api.openapi(routes.put, (c) => {
    const { id } = c.req.valid('param');
    const loaded = load(c.req.valid('json'));
    if (!loaded.ok) return c.json(loaded.body, 400);
    if (loaded.flow.id !== id) {
      return c.json(
        {
          error: {
            code: 'flow.id_mismatch',
            message: `the document's id is "${loaded.flow.id}" but the URL names "${id}"`,
            issues: [{ path: 'id', message: `must be "${id}"` }],
          },
        },
        400,
      );
    }
    flows.saveDraft(loaded.flow, clock.now());
    return c.json(withDiagnostics(loaded.flow, loaded.diagnostics), 200);
  });

  api.openapi(routes.delete, (c) => {
    const { id } = c.req.valid('param');
    if (!flows.delete(id)) return c.json(notFound(id), 404);
    return c.body(null, 204);
  });

  api.openapi(routes.publish, (c) => {
    const { id } = c.req.valid('param');
    const draft = flows.getDraft(id);
    if (!draft) return c.json(notFound(id), 404);
    const diagnostics = validateFlow(draft.flow);
    if (hasErrors(diagnostics)) {
      const errors = diagnostics.filter((d) => d.severity === 'error');
      return c.json(
        {
          error: {
            code: 'publish.has_errors',
            message: `the flow has ${errors.length} error${errors.length === 1 ? '' : 's'}; fix ${errors.length === 1 ? 'it' : 'them'} before publishing`,
            diagnostics,
          },
        },
        422,
      );
    }
    const published = flows.publish(id, clock.now());
    if (!published) return c.json(notFound(id), 404);
    deps.onPublished?.(draft.flow);
    return c.json(published, 201);
  });

  api.openapi(routes.version, (c) => {
    const { id, version } = c.req.valid('param');
    const published = flows.getVersion(id, version);
    if (!published) {
      return c.json(
        { error: { code: 'flow.version_not_found', message: `flow "${id}" has no version ${version}` } },
        404,
      );
    }
    return c.json({ version, publishedAt: published.publishedAt, flow: published.flow }, 200);
  });

  api.openapi(routes.export, (c) => {
    const { id } = c.req.valid('param');
    const draft = flows.getDraft(id);
    if (!draft) return c.json(notFound(id), 404);
    c.header('content-disposition', `attachment; filename="${id}.parley.json"`);
    return c.json(draft.flow, 200);
  });
}
