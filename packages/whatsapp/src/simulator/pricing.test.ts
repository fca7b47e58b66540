import { afterEach, describe, expect, it } from 'vitest';
import { type SimulatorHarness, sendBody, startSimulatorHarness } from '../testing/simulator-harness.ts';
import { type PricedKind, priceSend, SERVICE_BILLING_STARTS_AT } from './pricing.ts';

const CUSTOMER = '16505551234';
const BEFORE = SERVICE_BILLING_STARTS_AT - 1;
const FROM = SERVICE_BILLING_STARTS_AT;

describe('priceSend', () => {
  it('switches over at 1 Oct 2026, 00:00 UTC (§0.1)', () => {
    expect(new Date(SERVICE_BILLING_STARTS_AT).toISOString()).toBe('2026-10-01T00:00:00.000Z');
  });

  const table: [PricedKind, boolean, number, string][] = [
    ['service', true, BEFORE, 'free_customer_service'],
    ['service', true, FROM, 'regular'],
    ['utility', true, BEFORE, 'free_customer_service'],
    ['utility', true, FROM, 'regular'],
    ['utility', false, BEFORE, 'regular'],
    ['marketing', true, BEFORE, 'regular'],
    ['authentication', true, BEFORE, 'regular'],
  ];
  it.each(table)('%s (window open: %s) at %i → %s', (kind, windowOpen, at, type) => {
    expect(priceSend(kind, windowOpen, at)).toEqual({ category: kind, type });
  });
});

describe('status webhooks price by the simulator clock’s date', () => {
  const harnesses: SimulatorHarness[] = [];
  afterEach(async () => {
    for (const harness of harnesses.splice(0)) await harness.close();
  });

  /** Sends in an open window at 23:00 UTC on 30 Sep 2026, then again after the clock passes midnight. */
  async function pricingAcrossTheDate(fixture: string) {
    const h = await startSimulatorHarness({ clock: { now: () => SERVICE_BILLING_STARTS_AT - 60 * 60 * 1000 } });
    harnesses.push(h);
    await h.sim.customer.sendText(CUSTOMER, 'hi');
    const before = await h.send(sendBody(fixture, CUSTOMER));
    await h.sim.idle();
    h.sim.clock.set(SERVICE_BILLING_STARTS_AT);
    const after = await h.send(sendBody(fixture, CUSTOMER));
    await h.sim.idle();
    const priced = (wamid: string | undefined) =>
      h.statusesOf(wamid).flatMap((s) => (s.pricing ? [[s.status, s.pricing]] : []));
    return { before: priced(before.wamid), after: priced(after.wamid) };
  }

  it.each([
    ['a service message', 'send-text.request.json', 'service'],
    ['a utility template inside the window', 'send-template-no-params.request.json', 'utility'],
  ])('%s is free before and billed from the switch-over', async (_label, fixture, category) => {
    const { before, after } = await pricingAcrossTheDate(fixture);
    const free = { billable: false, pricing_model: 'PMP', category, type: 'free_customer_service' };
    const billed = { billable: true, pricing_model: 'PMP', category, type: 'regular' };
    expect(before).toEqual([
      ['sent', free],
      ['delivered', free],
    ]);
    expect(after).toEqual([
      ['sent', billed],
      ['delivered', billed],
    ]);
  });
});
