import { randomBytes } from 'node:crypto';
import { classifyGraphError } from '../errors/catalogue.ts';
import type { OutboundMessage } from '../schemas/outbound/message.ts';
import { inBackground, type SimContext, sleep } from './context.ts';
import { createWamid } from './ids.ts';
import type { Customer, ReceivedMessage } from './state/customers.ts';
import { checkTemplateSend } from './template-check.ts';
import { type StatusFacts, statusPayload } from './webhook-payloads.ts';

const WINDOW_MS = 24 * 60 * 60 * 1000;

export type SendOutcome =
  | { ok: true; messageId: string; body: Record<string, unknown> }
  | { ok: false; code: number; details: string };

type Delivery = { pricing: { category: string; type: string }; asyncError?: { code: number; details: string } };

/**
 * What Meta does with a valid send, in its order: throughput, pair rate,
 * template checks, then acceptance. Free-form outside the 24-hour window and
 * business-initiated sends over the tier limit are accepted (200 + wamid) and
 * fail later by status webhook, as Meta does (reference §4.1, §6.1).
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
  const windowOpen = lastInbound !== undefined && now - lastInbound < WINDOW_MS;
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

/**
 * How a send will end: its pricing, whether it fails later by webhook (window
 * closed, tier limit), or a synchronous template or routing error.
 */
function planDelivery(
  ctx: SimContext,
  message: OutboundMessage,
  endpoint: 'messages' | 'marketing_messages',
  customer: Customer,
  windowOpen: boolean,
  now: number,
): { ok: true; delivery: Delivery; paced: boolean } | { ok: false; code: number; details: string } {
  if (message.type !== 'template') {
    if (endpoint === 'marketing_messages') {
      return { ok: false, code: 100, details: '/marketing_messages only takes template messages' };
    }
    const delivery: Delivery = { pricing: { category: 'service', type: 'free_customer_service' } };
    if (!windowOpen) {
      delivery.asyncError = {
        code: 131047,
        details:
          'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
      };
    }
    return { ok: true, delivery, paced: false };
  }
  const { template } = message;
  const verdict = checkTemplateSend(ctx.templates.find(template.name, template.language.code), template);
  if (!verdict.ok) return verdict;
  const category = verdict.entry.category.toUpperCase();
  if (endpoint === 'marketing_messages' && category !== 'MARKETING') {
    return {
      ok: false,
      code: 100,
      details: `/marketing_messages only takes MARKETING templates; ${template.name} is ${category}`,
    };
  }
  if (endpoint === 'messages' && category === 'MARKETING' && ctx.options.marketingDisabledOnMessages) {
    return {
      ok: false,
      code: 131063,
      details: 'Marketing templates are disabled on the Cloud API; use /marketing_messages',
    };
  }
  const free = windowOpen && category === 'UTILITY';
  const delivery: Delivery = {
    pricing: { category: category.toLowerCase(), type: free ? 'free_customer_service' : 'regular' },
  };
  if (!windowOpen && !ctx.rates.admitBusinessInitiated(ctx.business.phoneNumberId, customer.key, now)) {
    const tier = ctx.options.tierLimit;
    const code = tier?.errorCode ?? 131049;
    const details = `The business reached its messaging limit of ${tier?.uniqueUsers} unique users in 24 hours.`;
    if (tier?.mode === 'sync') return { ok: false, code, details };
    delivery.asyncError = { code, details };
  }
  return { ok: true, delivery, paced: verdict.entry.paced };
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
          expiresAt: ctx.clock.now() + WINDOW_MS,
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
    const { code, details } = delivery.asyncError;
    ctx.customers.emit(customer, { type: 'status', id: received.id, status: 'failed', errorCode: code });
    await post({ status: 'failed', error: { code, title: classifyGraphError(code).title, details } });
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
