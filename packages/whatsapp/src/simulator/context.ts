import { createSimClock, type SimClock } from './clock.ts';
import { createFaults, type Faults } from './faults.ts';
import { type ResolvedOptions, resolveOptions, type SimulatorOptions } from './options.ts';
import { type Customers, createCustomers } from './state/customers.ts';
import { createMediaStore, type MediaStore } from './state/media-store.ts';
import { createRateLimits, type RateLimits } from './state/rate-limits.ts';
import { createRequestLog, type RequestLog } from './state/requests.ts';
import { createTemplateRegistry, type TemplateRegistry } from './state/templates.ts';
import { createWebhookDelivery, type WebhookDelivery } from './webhook-delivery.ts';
import type { Business } from './webhook-payloads.ts';

/** Everything the simulator's routes and customer actions share. */
export type SimContext = {
  options: ResolvedOptions;
  business: Business;
  clock: SimClock;
  customers: Customers;
  templates: TemplateRegistry;
  requests: RequestLog;
  faults: Faults;
  rates: RateLimits;
  media: MediaStore;
  webhooks: WebhookDelivery;
  /** Where webhooks go; changeable at run time (the runtime may start after the simulator). */
  webhookUrl: { current: string | undefined };
  /** Work scheduled for later (status sequences, template reviews), awaited by `idle()`. */
  background: Set<Promise<unknown>>;
  /** Pending sleeps and how to end them early (on close). */
  timers: Map<NodeJS.Timeout, () => void>;
  /** Requests a `timeout` fault holds unanswered; released (with a 504) on close. */
  hanging: Set<() => void>;
  closed: { value: boolean };
};

export function createSimContext(input: SimulatorOptions): SimContext {
  const options = resolveOptions(input);
  const webhookUrl = { current: options.webhookUrl };
  return {
    options,
    business: {
      wabaId: options.wabaId,
      phoneNumberId: options.phoneNumberId,
      displayPhoneNumber: options.displayPhoneNumber,
    },
    clock: createSimClock(options.clock),
    customers: createCustomers(options.maxCustomerRecords),
    templates: createTemplateRegistry(options.templates),
    requests: createRequestLog(options.maxRecords),
    faults: createFaults(),
    rates: createRateLimits(options),
    media: createMediaStore(options.maxMedia),
    webhooks: createWebhookDelivery({
      url: () => webhookUrl.current,
      appSecret: options.appSecret,
      retry: options.webhookRetry,
      chaos: options.webhookChaos,
      random: options.random,
      maxRecords: options.maxWebhookRecords,
    }),
    webhookUrl,
    background: new Set(),
    timers: new Map(),
    hanging: new Set(),
    closed: { value: false },
  };
}

/** Waits `ms` real milliseconds, or until the simulator closes; callers check `ctx.closed` after. */
export function sleep(ctx: SimContext, ms: number): Promise<void> {
  if (ctx.closed.value) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      ctx.timers.delete(timer);
      resolve();
    }, ms);
    ctx.timers.set(timer, resolve);
  });
}

/** Runs `work` in the background, tracked so `idle()` can wait for it. */
export function inBackground(ctx: SimContext, work: () => Promise<unknown>): void {
  const promise = work().catch(() => undefined);
  ctx.background.add(promise);
  void promise.finally(() => ctx.background.delete(promise));
}

/** Resolves when no status sequence, review or webhook delivery is pending. */
export async function waitIdle(ctx: SimContext): Promise<void> {
  while (ctx.background.size > 0) await Promise.allSettled([...ctx.background]);
  await ctx.webhooks.idle();
  if (ctx.background.size > 0) await waitIdle(ctx);
}
