import { z } from 'zod';

/**
 * Which sends a scheduled late failure applies to: any, service (non-template)
 * messages, any template, or templates of one category.
 */
export const LateFailureMatch = z.enum(['any', 'session', 'template', 'marketing', 'utility', 'authentication']);
export type LateFailureMatch = z.infer<typeof LateFailureMatch>;

/**
 * A failure Meta reports after accepting the send, reference §1.3 and §3.6: the
 * next `count` matching sends to one recipient get 200 + wamid, never reach the
 * customer, and end in a `failed` status webhook carrying `code` (and `details`
 * as `error_data.details`). That is how Meta reports 131026, 131049, 131050,
 * 131053 and 130472, among others. It replaces whatever late outcome the send
 * would have had (a closed window's 131047 included); refused sends do not use
 * it up.
 */
export const LateFailureSpec = z.object({
  code: z.number().int(),
  details: z.string().optional(),
  count: z.number().int().positive().default(1),
  match: LateFailureMatch.default('any'),
});
export type LateFailureSpec = z.input<typeof LateFailureSpec>;
export type LateFailure = z.infer<typeof LateFailureSpec>;

/** What an accepted send is, as far as matching goes. */
export type SendKind = 'session' | 'marketing' | 'utility' | 'authentication';

function matches(match: LateFailureMatch, kind: SendKind): boolean {
  switch (match) {
    case 'any':
      return true;
    case 'template':
      return kind !== 'session';
    case 'session':
    case 'marketing':
    case 'utility':
    case 'authentication':
      return match === kind;
  }
}

/**
 * Takes one use of the first failure in `queue` (a customer's, oldest first)
 * that matches a send of `kind`, dropping it once used up.
 */
export function takeLateFailure(queue: LateFailure[], kind: SendKind): LateFailure | undefined {
  const index = queue.findIndex((failure) => matches(failure.match, kind));
  const failure = queue[index];
  if (!failure) return undefined;
  failure.count -= 1;
  if (failure.count <= 0) queue.splice(index, 1);
  return failure;
}

/** The few parts of the simulator scheduling needs, so this stays testable alone. */
type Scheduler = {
  customers: {
    ensure(identifier: string): { key: string; lateFailures: LateFailure[] } | undefined;
    list(): { lateFailures: LateFailure[] }[];
  };
};

/**
 * Schedules `spec` for the customer behind `recipient` (phone in any format or
 * BSUID, created on first sight), after any failures already scheduled for them.
 */
export function scheduleLateFailure(
  ctx: Scheduler,
  recipient: string,
  spec: LateFailureSpec,
): { ok: true; customer: string; pending: LateFailure[] } | { ok: false; error: string } {
  const customer = ctx.customers.ensure(recipient);
  if (!customer) return { ok: false, error: `"${recipient}" is neither a phone number nor a BSUID` };
  customer.lateFailures.push(LateFailureSpec.parse(spec));
  return { ok: true, customer: customer.key, pending: customer.lateFailures.map((f) => ({ ...f })) };
}

/** Forgets every scheduled late failure, of every customer. */
export function clearLateFailures(ctx: Scheduler): void {
  for (const customer of ctx.customers.list()) customer.lateFailures.length = 0;
}
