import { timingSafeEqual } from 'node:crypto';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/open-database.ts';
import { contactKeyFor } from '../db/resolve-contact.ts';
import type { FlowStore } from '../flows/flow-store.ts';
import type { Logger } from '../logger.ts';
import type { EnginePort } from '../processor/engine-port.ts';
import type { Sender } from '../sender/sender.ts';
import { ErrorBody } from './api-schemas.ts';
import { registerConversationRoutes } from './conversation-routes.ts';
import { registerFlowRoutes } from './flow-routes.ts';
import { registerInsightRoutes } from './insight-routes.ts';
import { registerSandboxRoutes, type SandboxDeps } from './sandbox-routes.ts';

export type ApiDeps = {
  db: Db;
  clock: Clock;
  flows: FlowStore;
  engine: EnginePort;
  sender: Sender;
  log: Logger;
  adminToken: string;
  kick: () => void;
  /** Present in sandbox mode only. */
  sandbox?: SandboxDeps;
};

/**
 * The management API under /api: bearer-token auth on every route, request
 * bodies validated by the route schemas (which also generate /api/openapi.json),
 * and one error shape: `{ error: { code, message, issues?, diagnostics? } }`.
 */
export function createApi(deps: ApiDeps): OpenAPIHono {
  const api = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (result.success) return;
      const issues = result.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: issue.message,
      }));
      const first = issues[0];
      return c.json(
        {
          error: {
            code: 'request.invalid',
            message: first ? `${first.path || 'body'}: ${first.message}` : 'the request is invalid',
            issues,
          },
        },
        400,
      );
    },
  });

  api.use('*', async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
    if (!safeEqual(token, deps.adminToken)) {
      return c.json(
        { error: { code: 'auth.required', message: 'send Authorization: Bearer <PARLEY_ADMIN_TOKEN>' } },
        401,
      );
    }
    await next();
  });

  registerFlowRoutes(api, { ...deps, onPublished: deps.sandbox?.sandbox.registerTemplates });
  registerConversationRoutes(api, deps);
  registerInsightRoutes(api, { db: deps.db, keyOf: (id) => contactKeyFor(deps.db, id) });
  if (deps.sandbox) registerSandboxRoutes(api, deps.sandbox);

  api.openapi(
    createRoute({
      method: 'post',
      path: '/sender/resume',
      tags: ['operations'],
      responses: {
        200: {
          content: { 'application/json': { schema: z.object({ paused: z.boolean() }) } },
          description: 'Sending resumed after an alert (token, account or policy problem) was fixed',
        },
      },
    }),
    (c) => {
      deps.sender.resume();
      deps.kick();
      return c.json({ paused: false }, 200);
    },
  );

  api.doc('/openapi.json', {
    openapi: '3.0.0',
    info: { title: 'Parley management API', version: '1.0.0' },
    security: [{ bearer: [] }],
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  api.openAPIRegistry.register('Error', ErrorBody);

  api.notFound((c) =>
    c.json({ error: { code: 'route.not_found', message: `no route ${c.req.method} ${c.req.path}` } }, 404),
  );
  api.onError((error, c) => {
    deps.log.error(`API ${c.req.method} ${c.req.path} failed: ${error.message}`);
    return c.json({ error: { code: 'internal', message: 'something went wrong; see the runtime log' } }, 500);
  });
  return api;
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
