import { randomInt } from 'node:crypto';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Flow } from '@parley/flow-schema';
import { streamSSE } from 'hono/streaming';
import type { AdjustableClock } from '../clock.ts';
import type { ConversationEvents } from '../conversation-events.ts';
import type { FlowStore } from '../flows/flow-store.ts';
import { ErrorBody, SandboxMessage } from './api-schemas.ts';

/** What the sandbox needs from the simulator: play a customer, and share the clock jump. */
export type SandboxPort = {
  /** The simulator posts the message to the runtime's webhook, signed, through the real path. */
  sendAsCustomer: (phone: string, message: SandboxMessage) => Promise<{ ok: true } | { ok: false; message: string }>;
  advanceClock: (ms: number) => void;
  /** Approves, in the simulator, the templates a published flow sends. */
  registerTemplates: (flow: Flow) => void;
};

export type SandboxDeps = {
  sandbox: SandboxPort;
  clock: AdjustableClock;
  flows: FlowStore;
  events: ConversationEvents;
  /** Phone → flow id: the next message of that customer starts that flow. */
  pinnedStarts: Map<string, string>;
  /** Runs the workers now, so timers due after a clock jump fire at once. */
  kick: () => void;
};

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
const PhoneParam = z.object({
  phone: z
    .string()
    .regex(/^\d{8,15}$/)
    .openapi({ param: { name: 'phone', in: 'path' } }),
});
const tags = ['sandbox'];

const routes = {
  conversation: createRoute({
    method: 'post',
    path: '/sandbox/conversations',
    tags,
    request: {
      body: { content: { 'application/json': { schema: z.object({ flowId: z.string() }) } }, required: true },
    },
    responses: {
      201: json(z.object({ phone: z.string() }), 'A fresh simulated customer'),
      409: json(ErrorBody, 'The flow has no published version'),
    },
  }),
  message: createRoute({
    method: 'post',
    path: '/sandbox/customers/{phone}/messages',
    tags,
    request: {
      params: PhoneParam,
      body: { content: { 'application/json': { schema: SandboxMessage } }, required: true },
    },
    responses: {
      202: json(z.object({ ok: z.literal(true) }), 'Posted to the webhook'),
      502: json(ErrorBody, 'The simulator refused'),
    },
  }),
  stream: createRoute({
    method: 'get',
    path: '/sandbox/customers/{phone}/stream',
    tags,
    request: { params: PhoneParam },
    responses: {
      200: {
        content: { 'text/event-stream': { schema: z.string() } },
        description: 'message, visit, status and ended events',
      },
    },
  }),
  clock: createRoute({
    method: 'post',
    path: '/sandbox/clock',
    tags,
    request: {
      body: {
        content: {
          'application/json': {
            schema: z.object({
              advanceMs: z
                .number()
                .int()
                .min(0)
                .max(90 * 86_400_000),
            }),
          },
        },
        required: true,
      },
    },
    responses: { 200: json(z.object({ now: z.number() }), "The runtime's and the simulator's new time") },
  }),
};

/** The editor's chat panel: a simulated customer, their live view, and the clock jump. */
export function registerSandboxRoutes(api: OpenAPIHono, deps: SandboxDeps): void {
  api.openapi(routes.conversation, (c) => {
    const { flowId } = c.req.valid('json');
    if (deps.flows.latestVersion(flowId) === null) {
      return c.json(
        { error: { code: 'sandbox.not_published', message: `publish flow "${flowId}" before playing it` } },
        409,
      );
    }
    const phone = `1555${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;
    deps.pinnedStarts.set(phone, flowId);
    return c.json({ phone }, 201);
  });

  api.openapi(routes.message, async (c) => {
    const { phone } = c.req.valid('param');
    const result = await deps.sandbox.sendAsCustomer(phone, c.req.valid('json'));
    if (!result.ok) return c.json({ error: { code: 'sandbox.simulator_refused', message: result.message } }, 502);
    return c.json({ ok: true as const }, 202);
  });

  api.openapi(routes.stream, (c) => {
    const { phone } = c.req.valid('param');
    return streamSSE(c, async (stream) => {
      const queue: { event: string; data: string }[] = [];
      let wake: (() => void) | undefined;
      const unsubscribe = deps.events.subscribe(phone, (event) => {
        const { type, ...data } = event;
        queue.push({ event: type, data: JSON.stringify(data) });
        wake?.();
      });
      stream.onAbort(() => {
        unsubscribe();
        wake?.();
      });
      while (!stream.aborted) {
        const next = queue.shift();
        if (next) {
          await stream.writeSSE(next);
          continue;
        }
        let timer: NodeJS.Timeout | undefined;
        await new Promise<void>((resolve) => {
          wake = resolve;
          // A comment line every 15 s keeps proxies from closing an idle stream.
          timer = setTimeout(resolve, 15_000);
        });
        clearTimeout(timer);
        wake = undefined;
        if (queue.length === 0 && !stream.aborted) await stream.write(': keep-alive\n\n');
      }
      unsubscribe();
    });
  });

  api.openapi(routes.clock, (c) => {
    const { advanceMs } = c.req.valid('json');
    deps.sandbox.advanceClock(advanceMs);
    const now = deps.clock.advance(advanceMs);
    deps.kick();
    return c.json({ now }, 200);
  });
}
