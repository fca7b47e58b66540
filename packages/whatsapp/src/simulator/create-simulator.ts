import { Hono } from 'hono';
import { buildGraphError } from '../errors/graph-error.ts';
import type { TemplateStatus } from '../schemas/graph/templates.ts';
import { createSimContext, waitIdle } from './context.ts';
import { createCustomerActions } from './customer.ts';
import type { FaultSpec, WebhookFaultSpec } from './faults.ts';
import { clearLateFailures, type LateFailure, type LateFailureSpec, scheduleLateFailure } from './late-failures.ts';
import type { SimulatorOptions, TemplateSeed } from './options.ts';
import { registerControlRoutes } from './routes/control.ts';
import { registerCustomerAccountRoutes } from './routes/customer-account-control.ts';
import { registerMessageRoutes } from './routes/messages.ts';
import { registerObjectRoutes } from './routes/objects.ts';
import { registerTemplateRoutes } from './routes/templates.ts';

/**
 * A simulator of the Graph API routes Parley uses (reference §11), as a Hono
 * app you can embed (`app.request()` in tests, or mount in the runtime) or
 * serve with `startSimulator`. It checks tokens and payloads like Meta,
 * enforces the 24-hour window, throughput, pair rate and tier limit, keeps
 * templates and media, posts signed status webhooks, plays the customer, and
 * injects faults on demand, all on an injectable clock.
 */
export function createSimulator(options: SimulatorOptions = {}) {
  const ctx = createSimContext(options);
  const customer = createCustomerActions(ctx);
  const app = new Hono();

  app.onError((error, c) => {
    console.error('simulator bug', error);
    return c.json({ error: buildGraphError(1, `An unknown error occurred: ${error.message}`) }, 500);
  });
  app.notFound((c) =>
    c.json(
      {
        error: {
          message: `Unknown path components: ${new URL(c.req.url).pathname}`,
          type: 'OAuthException',
          code: 2500,
        },
      },
      400,
    ),
  );
  registerControlRoutes(app, ctx, customer);
  registerCustomerAccountRoutes(app, ctx, customer);
  registerMessageRoutes(app, ctx);
  registerTemplateRoutes(app, ctx);
  registerObjectRoutes(app, ctx);

  return {
    app,
    /** The simulated customers: send as them, read what they received, subscribe to it. */
    customer,
    clock: ctx.clock,
    business: ctx.business,
    options: ctx.options,
    requests: ctx.requests,
    media: ctx.media,
    templates: {
      add: (seed: TemplateSeed) => ctx.templates.add(seed),
      find: (name: string, language: string) => ctx.templates.find(name, language),
      list: () => ctx.templates.list(),
      setStatus: (id: string, status: TemplateStatus) => ctx.templates.setStatus(id, status),
    },
    faults: {
      inject: (spec: FaultSpec) => ctx.faults.inject(spec),
      webhooks: (spec: WebhookFaultSpec) => ctx.webhooks.injectFaults(spec),
      /**
       * The next `count` matching sends to `recipient` are accepted (200 + wamid),
       * never reach the customer, and fail by status webhook with `code`.
       * Returns what is now scheduled for them; throws for an identifier that is
       * neither a phone number nor a BSUID.
       */
      failLater(recipient: string, spec: LateFailureSpec): LateFailure[] {
        const scheduled = scheduleLateFailure(ctx, recipient, spec);
        if (!scheduled.ok) throw new Error(scheduled.error);
        return scheduled.pending;
      },
      /** The late failures still scheduled for `recipient`, oldest first. */
      lateFailures: (recipient: string): LateFailure[] =>
        (ctx.customers.find(recipient)?.lateFailures ?? []).map((f) => ({ ...f })),
      pending: () => ctx.faults.pending(),
      /** Forgets injected faults and every customer's late failures. */
      clear: () => {
        ctx.faults.clear();
        clearLateFailures(ctx);
      },
    },
    webhooks: {
      log: ctx.webhooks.log,
      setUrl: (url: string | undefined) => {
        ctx.webhookUrl.current = url;
      },
      url: () => ctx.webhookUrl.current,
      /** Sends reordered webhooks that are still held back. */
      flush: () => ctx.webhooks.flush(),
    },
    /** Resolves when no status webhook, template review or delivery retry is pending. */
    idle: () => waitIdle(ctx),
    /** Ends timers and retries, and answers requests held by a timeout fault; pending webhooks are abandoned. */
    close(): void {
      ctx.closed.value = true;
      for (const [timer, resolve] of ctx.timers) {
        clearTimeout(timer);
        resolve();
      }
      ctx.timers.clear();
      ctx.webhooks.stop();
      for (const release of ctx.hanging) release();
      ctx.hanging.clear();
    },
  };
}

export type Simulator = ReturnType<typeof createSimulator>;
