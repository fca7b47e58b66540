import { isWindowOpen } from '@parley/flow-engine';
import type { ConsentState } from '../consent/consent-ledger.ts';
import type { Fallback, OutboundPayload, PricingCategory } from '../queues/send-shapes.ts';

export type GateInput = {
  now: number;
  window: 'session' | 'template';
  payload: OutboundPayload;
  pricing: PricingCategory;
  fallback: Fallback | null;
  lastInboundAt: number | null;
  undeliverable: boolean;
  consent: ConsentState;
  /** Meta's per-user marketing limit (131049) held this contact's marketing until then. */
  marketingHeldUntil: number | null;
  /** Contacts reached with business-initiated messages in the last 24 h, and the limit; asked only when it matters. */
  tier: () => { used: number; limit: number; includesContact: boolean };
};

export type GateDecision =
  | {
      action: 'send';
      payload: OutboundPayload;
      pricing: PricingCategory;
      usedFallback: boolean;
      businessInitiated: boolean;
    }
  | { action: 'skip'; reason: 'window_closed' | 'opted_out' | 'undeliverable'; detail: string }
  | { action: 'defer'; until: number; detail: string };

/**
 * Meta's rules, checked at send time (not when the flow ran: time passes in
 * queues). A session message never leaves outside the 24-hour window; its
 * template fallback goes instead, if it has one. Consent is per category: a
 * marketing template needs an opt-in, and an opt-out of one category never
 * blocks another (a customer who stopped marketing still gets their codes).
 * Business-initiated conversations count against the messaging limit.
 */
export function decideSend(input: GateInput): GateDecision {
  if (input.undeliverable) {
    return {
      action: 'skip',
      reason: 'undeliverable',
      detail: 'WhatsApp reported this contact cannot receive messages',
    };
  }
  const open = isWindowOpen(input.lastInboundAt, input.now);
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
  if (isTemplate && pricing !== 'service') {
    const refused = consentRefusal(pricing, input.consent);
    if (refused) return { action: 'skip', reason: 'opted_out', detail: refused };
  }
  // §0.1: marketing inside a window the customer opened does not count toward the per-user limit.
  if (isTemplate && pricing === 'marketing' && !open && input.marketingHeldUntil !== null) {
    if (input.marketingHeldUntil > input.now) {
      return {
        action: 'defer',
        until: input.marketingHeldUntil,
        detail: "Meta's per-user marketing limit holds this customer's marketing messages for now",
      };
    }
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

function consentRefusal(category: Exclude<PricingCategory, 'service'>, consent: ConsentState): string | undefined {
  const latest = consent[category];
  if (category === 'marketing' && latest !== 'opt_in') {
    return 'a marketing template needs the contact to have opted in to marketing, and not opted out since';
  }
  if (latest === 'opt_out') return `the contact opted out of ${category} messages`;
  return undefined;
}
