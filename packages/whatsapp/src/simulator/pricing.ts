/**
 * When service (non-template) messages and utility templates sent inside an
 * open customer service window stop being free: 1 Oct 2026, 00:00 UTC. The
 * project's Cloud API reference, §0.1 (corrections of 2026-12-02), quotes
 * Meta's pricing page: from this date both are billed at the market's
 * utility/authentication rate. Change it here if Meta moves the date.
 */
export const SERVICE_BILLING_STARTS_AT = Date.UTC(2026, 9, 1);

/** What a send is, for pricing: a service message, or a template of its category. */
export type PricedKind = 'service' | 'marketing' | 'utility' | 'authentication';

/** The `pricing` object of a status webhook, minus `billable` and `pricing_model` (see statusPayload). */
export type Pricing = { category: PricedKind; type: 'regular' | 'free_customer_service' };

/**
 * How Meta prices a send made at `at` (epoch ms, the simulator clock), reference
 * §3.6, §5.1 and §0.1. Marketing and authentication templates are always
 * billed. Before the switch-over, service messages and utility templates inside
 * an open window are free (`free_customer_service`); from it they are billed
 * (`regular`), and service messages keep the category `service`. Free entry
 * points (click-to-WhatsApp ads) are not simulated.
 */
export function priceSend(kind: PricedKind, windowOpen: boolean, at: number): Pricing {
  const serviceBilled = at >= SERVICE_BILLING_STARTS_AT;
  const freeInWindow = kind === 'service' || (kind === 'utility' && windowOpen);
  return { category: kind, type: freeInWindow && !serviceBilled ? 'free_customer_service' : 'regular' };
}
