import { CATALOGUED_CODES } from '../errors/catalogue.ts';
import type { OutboundMessage } from '../schemas/outbound/message.ts';
import type { SimContext } from './context.ts';
import { type SendKind, takeLateFailure } from './late-failures.ts';
import { type Pricing, priceSend } from './pricing.ts';
import type { Customer } from './state/customers.ts';
import { checkTemplateSend } from './template-check.ts';

/** How an accepted send ends: delivered with `pricing`, or failed later by webhook with `asyncError`. */
export type Delivery = {
  pricing: Pricing;
  asyncError?: { code: number; details: string; title?: string };
};

export type DeliveryPlan =
  | { ok: true; delivery: Delivery; paced: boolean }
  | { ok: false; code: number; details: string };

type Endpoint = 'messages' | 'marketing_messages';

const KIND_OF = { MARKETING: 'marketing', UTILITY: 'utility', AUTHENTICATION: 'authentication' } as const;

const CLOSED_WINDOW = {
  code: 131047,
  details:
    'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
};
const STOPPED_MARKETING = {
  code: 131050,
  details: 'Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp.',
};
const NOBODY_THERE = {
  code: 131026,
  details: 'Message Undeliverable: nobody on WhatsApp has this identity any more (the customer changed it).',
};

/**
 * How a send will end, decided in Meta's order: synchronous template and
 * routing errors first (the send is refused), then the late outcomes of an
 * accepted send (reference §1.3): a late failure scheduled for this customer
 * wins, then an identity nobody holds (131026), then a closed window (131047)
 * for a service message, a customer who stopped marketing (131050) for a
 * marketing template, or the business-initiated limit for a template sent
 * outside the window.
 */
export function planDelivery(
  ctx: SimContext,
  message: OutboundMessage,
  endpoint: Endpoint,
  customer: Customer,
  windowOpen: boolean,
  now: number,
): DeliveryPlan {
  const planned =
    message.type === 'template' ? planTemplate(ctx, message, endpoint, customer, windowOpen, now) : undefined;
  if (planned && !planned.ok) return planned;
  if (!planned && endpoint === 'marketing_messages') {
    return { ok: false, code: 100, details: '/marketing_messages only takes template messages' };
  }
  const kind: SendKind = planned?.kind ?? 'session';
  const delivery: Delivery = planned?.delivery ?? { pricing: priceSend('service', windowOpen, now) };
  if (kind === 'session' && !windowOpen) delivery.asyncError = CLOSED_WINDOW;
  if (customer.unreachable) delivery.asyncError = NOBODY_THERE;
  const scheduled = takeLateFailure(customer.lateFailures, kind);
  if (scheduled) {
    delivery.asyncError = {
      code: scheduled.code,
      details: scheduled.details ?? `Failure scheduled in the simulator for ${customer.key}`,
    };
  }
  return { ok: true, delivery, paced: planned?.paced ?? false };
}

type TemplatePlan =
  | { ok: true; kind: SendKind; delivery: Delivery; paced: boolean }
  | { ok: false; code: number; details: string };

function planTemplate(
  ctx: SimContext,
  message: Extract<OutboundMessage, { type: 'template' }>,
  endpoint: Endpoint,
  customer: Customer,
  windowOpen: boolean,
  now: number,
): TemplatePlan {
  const { template } = message;
  const verdict = checkTemplateSend(ctx.templates.find(template.name, template.language.code), template);
  if (!verdict.ok) return verdict;
  const { category } = verdict.entry;
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
  const kind = KIND_OF[category];
  const delivery: Delivery = { pricing: priceSend(kind, windowOpen, now) };
  const tier = ctx.options.tierLimit;
  // A stopped customer is not reached, so they do not use up the limit either.
  if (kind === 'marketing' && customer.marketingStopped) delivery.asyncError = STOPPED_MARKETING;
  else if (tier && !windowOpen && !ctx.rates.admitBusinessInitiated(ctx.business.phoneNumberId, customer.key, now)) {
    const { errorCode: code, uniqueUsers } = tier;
    const details = `The business reached its messaging limit of ${uniqueUsers} unique users in 24 hours.`;
    if (tier.mode === 'sync') return { ok: false, code, details };
    // An uncatalogued code (the default is one) would read "Unknown error"; say what it stands for.
    delivery.asyncError = CATALOGUED_CODES.includes(code)
      ? { code, details }
      : { code, details, title: 'Messaging limit reached' };
  }
  return { ok: true, kind, delivery, paced: verdict.entry.paced };
}
