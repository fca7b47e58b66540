import { randomBytes } from 'node:crypto';
import { isWindowOpen, SERVICE_WINDOW_MS } from '@parley/whatsapp-rules';
import { classifyGraphError } from '../errors/catalogue.ts';
import type { OutboundMessage } from '../schemas/outbound/message.ts';
import { inBackground, type SimContext, sleep } from './context.ts';
import { createWamid } from './ids.ts';
import { type Delivery, planDelivery } from './plan-delivery.ts';
import type { Customer, ReceivedMessage } from './state/customers.ts';
import { type StatusFacts, statusPayload } from './webhook-payloads.ts';

export type SendOutcome =
  | { ok: true; messageId: string; body: Record<string, unknown> }
  | { ok: false; code: number; details: string };

/**
 * What Meta does with a valid send, in its order: throughput, pair rate,
 * template checks, then acceptance. Free-form outside the 24-hour window,
 * business-initiated sends over the tier limit, marketing to a customer who
 * stopped it and failures scheduled for the customer are accepted (200 +
 * wamid) and fail later by status webhook, as Meta does (reference §1.3, §4.1,
 * §6.1); see plan-delivery.ts.
 */
export function acceptSend(
  ctx: SimContext,
  message: OutboundMessage,
  endpoint: 'messages' | 'marketing_messages',
): SendOutcome {
  const identifier = message.recipient ?? message.to ?? '';
  if (message.recipient_type === 'group') return { ok: false, code: 100, details: 'groups are not simulated' };
  const customer = ctx.customers.ensure(identifier);
  if (!customer) return { ok: false, code: 131009, details: `Param to: ${identifier} is not a valid recipient` };
  if (customer.phone === ctx.business.displayPhoneNumber) {
    return {
      ok: false,
      code: 131021,
      details: 'Recipient phone number should not be the same as the sender phone number.',
    };
  }
  const now = ctx.clock.now();
  const rate = ctx.rates.admit(ctx.business.phoneNumberId, customer.key, now);
  if (!rate.ok) return { ok: false, code: rate.code, details: rate.details };

  const lastInbound = customer.lastInboundAt.get(ctx.business.phoneNumberId);
  const windowOpen = isWindowOpen(lastInbound ?? null, now);
  const planned = planDelivery(ctx, message, endpoint, customer, windowOpen, now);
  if (!planned.ok) return planned;
  const { delivery, paced } = planned;

  const messageId = createWamid(customer.phone ?? customer.userId);
  const byUserId = message.recipient !== undefined;
  const received: ReceivedMessage = { id: messageId, payload: message, at: now, status: 'accepted' };
  if (!delivery.asyncError) {
    ctx.customers.addReceived(customer, received);
    ctx.customers.emit(customer, { type: 'message', message: received });
  }
  inBackground(ctx, () => runStatuses(ctx, customer, received, message, byUserId, delivery));

  const contact = byUserId
    ? { input: identifier, wa_id: '', user_id: customer.userId }
    : { input: identifier, wa_id: customer.phone ?? '' };
  const sent: Record<string, string> = { id: messageId };
  if (paced) sent.message_status = 'held_for_quality_assessment';
  return { ok: true, messageId, body: { messaging_product: 'whatsapp', contacts: [contact], messages: [sent] } };
}

async function runStatuses(
  ctx: SimContext,
  customer: Customer,
  received: ReceivedMessage,
  message: OutboundMessage,
  byUserId: boolean,
  delivery: Delivery,
): Promise<void> {
  const conversation =
    ctx.options.webhookShape === 'v23'
      ? {
          id: randomBytes(16).toString('hex'),
          expiresAt: ctx.clock.now() + SERVICE_WINDOW_MS,
          origin: delivery.pricing.category,
        }
      : undefined;
  const base = {
    wamid: received.id,
    addressedByUserId: byUserId,
    callbackData: message.biz_opaque_callback_data,
    conversation,
  };
  const post = (facts: Omit<StatusFacts, keyof typeof base | 'at'>) =>
    ctx.webhooks.enqueue(
      customer.key,
      statusPayload(ctx.business, customer, { ...base, ...facts, at: ctx.clock.now() }),
    );

  await sleep(ctx, ctx.options.statusDelayMs);
  if (ctx.closed.value) return;
  if (delivery.asyncError) {
    const { code, details, title = classifyGraphError(code).title } = delivery.asyncError;
    ctx.customers.emit(customer, { type: 'status', id: received.id, status: 'failed', errorCode: code });
    await post({ status: 'failed', error: { code, title, details } });
    return;
  }
  const steps: ('sent' | 'delivered' | 'read')[] = ctx.options.customersRead
    ? ['sent', 'delivered', 'read']
    : ['sent', 'delivered'];
  for (const [index, status] of steps.entries()) {
    if (index > 0) await sleep(ctx, ctx.options.statusDelayMs);
    if (ctx.closed.value) return;
    received.status = status;
    ctx.customers.emit(customer, { type: 'status', id: received.id, status });
    // Pricing rides on `sent` and on exactly one of delivered/read (reference §3.6).
    const pricing = status === 'read' ? undefined : delivery.pricing;
    void post({ status, pricing });
  }
}
