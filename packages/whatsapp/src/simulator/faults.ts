import { z } from 'zod';

/**
 * Faults injected on demand into the Graph routes, each for the next `count`
 * matching requests: an error envelope with a chosen code (`error`, e.g. a 5xx
 * with 131000), no answer at all (`timeout`), or a normal answer after a delay.
 * `scope` picks the routes: the send routes (default) or every Graph route.
 * An `error` with a `recipient` (phone in any format, or BSUID) hits only
 * requests addressed to that customer, so other customers' sends go through.
 * Failures Meta reports later, by webhook, are scheduled per customer instead
 * (see late-failures.ts).
 */
export const FaultSpec = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('error'),
    code: z.number().int(),
    httpStatus: z.number().int().min(400).max(599).optional(),
    details: z.string().optional(),
    recipient: z.string().min(1).optional(),
    count: z.number().int().positive().default(1),
    scope: z.enum(['send', 'all']).default('send'),
  }),
  z.object({
    kind: z.literal('timeout'),
    count: z.number().int().positive().default(1),
    scope: z.enum(['send', 'all']).default('send'),
  }),
  z.object({
    kind: z.literal('delay'),
    delayMs: z.number().int().nonnegative(),
    count: z.number().int().positive().default(1),
    scope: z.enum(['send', 'all']).default('send'),
  }),
]);
export type FaultSpec = z.input<typeof FaultSpec>;
export type Fault = z.infer<typeof FaultSpec>;

/** Webhook faults: the next N deliveries duplicated, reordered with the one after, or dropped. */
export const WebhookFaultSpec = z.object({
  duplicateNext: z.number().int().nonnegative().optional(),
  reorderNext: z.number().int().nonnegative().optional(),
  dropNext: z.number().int().nonnegative().optional(),
});
export type WebhookFaultSpec = z.infer<typeof WebhookFaultSpec>;

export function createFaults() {
  let queue: Fault[] = [];
  return {
    inject(spec: FaultSpec): void {
      queue.push(FaultSpec.parse(spec));
    },
    /**
     * The fault for the next request on a route of `scope`, consuming one of its
     * count. `isRecipient` says whether the request is addressed to a fault's
     * `recipient`; requests to nobody in particular match no targeted fault.
     */
    take(scope: 'send' | 'other', isRecipient: (recipient: string) => boolean = () => false): Fault | undefined {
      const fault = queue.find(
        (f) =>
          (f.scope === 'all' || (scope === 'send' && f.scope === 'send')) &&
          (f.kind !== 'error' || f.recipient === undefined || isRecipient(f.recipient)),
      );
      if (!fault) return undefined;
      fault.count -= 1;
      if (fault.count <= 0) queue = queue.filter((f) => f !== fault);
      return fault;
    },
    pending(): Fault[] {
      return queue.map((f) => ({ ...f }));
    },
    clear(): void {
      queue = [];
    },
  };
}

export type Faults = ReturnType<typeof createFaults>;
