import type { Context, Hono } from 'hono';
import type { SimContext } from '../context.ts';
import type { CustomerActions } from '../customer.ts';
import type { IdentityChange } from '../customer-account.ts';
import { LateFailureSpec, scheduleLateFailure } from '../late-failures.ts';
import type { DeliveryRecord } from '../webhook-delivery.ts';
import { MarketingPreferenceChange, NumberChange, UserIdChange } from './control-schemas.ts';
import { parseBody } from './parse-body.ts';

function deliveryOf({ outcome, attempts, lastHttpStatus }: DeliveryRecord) {
  return { outcome, attempts, lastHttpStatus };
}

function answerChange(c: Context, change: IdentityChange): Response {
  if (!change.ok) return c.json({ error: change.error }, change.taken ? 409 : 400);
  const { id, previous, customer } = change;
  return c.json({ id, previous, customer, delivery: deliveryOf(change.delivery) });
}

/**
 * `/_sim/customers/:id/…` routes about the customer's account rather than the
 * chat: failures Meta will report later for their sends, their marketing
 * preference, and changes of phone number or BSUID (see customer-account.ts).
 * Like the other control routes: 127.0.0.1 only, no auth.
 */
export function registerCustomerAccountRoutes(app: Hono, ctx: SimContext, customer: CustomerActions): void {
  app.post('/_sim/customers/:id/late-failures', async (c) => {
    const body = await parseBody(c, LateFailureSpec);
    if (!body.ok) return body.response;
    const scheduled = scheduleLateFailure(ctx, c.req.param('id'), body.value);
    if (!scheduled.ok) return c.json({ error: scheduled.error }, 400);
    return c.json({ customer: scheduled.customer, pending: scheduled.pending }, 201);
  });
  app.get('/_sim/customers/:id/late-failures', (c) =>
    c.json((ctx.customers.find(c.req.param('id'))?.lateFailures ?? []).map((f) => ({ ...f }))),
  );
  app.delete('/_sim/customers/:id/late-failures', (c) => {
    const found = ctx.customers.find(c.req.param('id'));
    if (found) found.lateFailures.length = 0;
    return c.body(null, 204);
  });

  app.post('/_sim/customers/:id/marketing-preference', async (c) => {
    const body = await parseBody(c, MarketingPreferenceChange);
    if (!body.ok) return body.response;
    const from = c.req.param('id');
    if (!ctx.customers.ensure(from)) return c.json({ error: `"${from}" is neither a phone number nor a BSUID` }, 400);
    const result = await customer.setMarketingPreference(from, body.value.value);
    return c.json({ customer: result.customer, value: body.value.value, delivery: deliveryOf(result.delivery) });
  });

  app.post('/_sim/customers/:id/change-number', async (c) => {
    const body = await parseBody(c, NumberChange);
    if (!body.ok) return body.response;
    const { newPhone, newUserId } = body.value;
    const options = newUserId === undefined ? {} : { newUserId };
    return answerChange(c, await customer.changeNumber(c.req.param('id'), newPhone, options));
  });

  app.post('/_sim/customers/:id/change-user-id', async (c) => {
    const body = await parseBody(c, UserIdChange);
    if (!body.ok) return body.response;
    return answerChange(c, await customer.changeUserId(c.req.param('id'), body.value.newUserId));
  });
}
