import type { PricingCategory } from '@parley/flow-engine';

export const WINDOW_MS = 24 * 3_600_000;

/**
 * The latest consent action per category, with `all` rows folded into each
 * category; `all` itself is the latest action of any kind (it gates templates
 * of other categories, e.g. authentication).
 */
export type ConsentState = Partial<Record<'marketing' | 'utility' | 'all', 'opt_in' | 'opt_out'>>;

export type GateInput = {
  now: number;
  window: 'session' | 'template';
  payload: Record<string, unknown>;
  pricing: PricingCategory;
  fallback: { payload: Record<string, unknown>; pricing: PricingCategory } | null;
  lastInboundAt: number | null;
  undeliverable: boolean;
  consent: ConsentState;
  /** Contacts reached with business-initiated messages in the last 24 h, and the limit; asked only when it matters. */
  tier: () => { used: number; limit: number; includesContact: boolean };
};

export type GateDecision =
  | {
      action: 'send';
      payload: Record<string, unknown>;
      pricing: PricingCategory;
      usedFallback: boolean;
      businessInitiated: boolean;
    }
  | { action: 'skip'; reason: 'window_closed' | 'opted_out' | 'undeliverable'; detail: string }
  | { action: 'defer'; until: number; detail: string };

/**
 * Meta's rules, checked at send time (not when the flow ran: time passes in
 * queues). A session message never leaves outside the 24-hour window; its
 * template fallback goes instead, if it has one. Marketing templates need an
 * opt-in and nothing templated goes after an opt-out. Business-initiated
 * conversations count against the messaging limit.
 */
export function decideSend(input: GateInput): GateDecision {
  if (input.undeliverable) {
    return {
      action: 'skip',
      reason: 'undeliverable',
      detail: 'WhatsApp reported this contact cannot receive messages',
    };
  }
  const open = input.lastInboundAt !== null && input.now - input.lastInboundAt < WINDOW_MS;
  let payload = input.payload;
  let pricing = input.pricing;
  let usedFallback = false;
  if (input.window === 'session' && !open) {
    if (!input.fallback) {
      return {
        action: 'skip',
        reason: 'window_closed',
        detail: 'the 24-hour window is closed and the message has no template fallback',
      };
    }
    payload = input.fallback.payload;
    pricing = input.fallback.pricing;
    usedFallback = true;
  }
  const isTemplate = payload.type === 'template';
  if (isTemplate && pricing === 'authentication' && input.consent.all === 'opt_out') {
    return { action: 'skip', reason: 'opted_out', detail: 'the contact opted out of all messages' };
  }
  if (isTemplate && pricing === 'marketing' && input.consent.marketing !== 'opt_in') {
    return {
      action: 'skip',
      reason: 'opted_out',
      detail: 'a marketing template needs the contact to have opted in to marketing, and not opted out since',
    };
  }
  if (isTemplate && pricing === 'utility' && input.consent.utility === 'opt_out') {
    return { action: 'skip', reason: 'opted_out', detail: 'the contact opted out of utility messages' };
  }
  const businessInitiated = isTemplate && !open;
  const tier = businessInitiated ? input.tier() : undefined;
  if (tier && !tier.includesContact && tier.used >= tier.limit) {
    return {
      action: 'defer',
      until: input.now + 15 * 60_000,
      detail: `the messaging limit of ${tier.limit} business-initiated contacts per 24 hours is reached`,
    };
  }
  return { action: 'send', payload, pricing, usedFallback, businessInitiated };
}
