import { SERVICE_WINDOW_MS as WINDOW_MS } from '@parley/flow-engine';
import { describe, expect, it } from 'vitest';
import { decideSend, type GateInput } from './send-gates.ts';

const NOW = 1_800_000_000_000;
const text = { type: 'text', text: { body: 'hi' } };
const template = (name: string) => ({ type: 'template', template: { name, language: { code: 'en_US' } } });

const input = (overrides: Partial<GateInput> = {}): GateInput => ({
  now: NOW,
  window: 'session',
  payload: text,
  pricing: 'service',
  fallback: null,
  lastInboundAt: NOW - 60_000,
  undeliverable: false,
  consent: {},
  marketingHeldUntil: null,
  tier: () => ({ used: 0, limit: 250, includesContact: false }),
  ...overrides,
});

describe('decideSend', () => {
  it('sends a session message inside the window', () => {
    expect(decideSend(input())).toMatchObject({ action: 'send', payload: text, usedFallback: false });
  });

  it.each([
    ['exactly 24 hours', NOW - WINDOW_MS],
    ['25 hours', NOW - 25 * 3_600_000],
    ['never', null],
  ])('never sends a session message when the customer last wrote %s ago', (_label, lastInboundAt) => {
    expect(decideSend(input({ lastInboundAt }))).toMatchObject({ action: 'skip', reason: 'window_closed' });
  });

  it('sends the template fallback instead once the window has closed', () => {
    const decision = decideSend(
      input({ lastInboundAt: NOW - WINDOW_MS, fallback: { payload: template('reminder'), pricing: 'utility' } }),
    );
    expect(decision).toMatchObject({
      action: 'send',
      payload: template('reminder'),
      usedFallback: true,
      businessInitiated: true,
    });
  });

  it.each([
    [{}, 'skip'],
    [{ marketing: 'opt_in' as const }, 'send'],
    [{ marketing: 'opt_out' as const }, 'skip'],
  ])('sends a marketing template with consent %o: %s', (consent, action) => {
    const decision = decideSend(
      input({ window: 'template', payload: template('offer'), pricing: 'marketing', consent }),
    );
    expect(decision.action).toBe(action);
  });

  it('sends nothing templated after an opt-out of utility messages', () => {
    const decision = decideSend(
      input({ window: 'template', payload: template('update'), pricing: 'utility', consent: { utility: 'opt_out' } }),
    );
    expect(decision).toMatchObject({ action: 'skip', reason: 'opted_out' });
  });

  it('holds a new business-initiated conversation back when the tier limit is reached', () => {
    const closed = {
      window: 'template' as const,
      payload: template('update'),
      pricing: 'utility' as const,
      lastInboundAt: null,
    };
    expect(
      decideSend(input({ ...closed, tier: () => ({ used: 250, limit: 250, includesContact: false }) })),
    ).toMatchObject({
      action: 'defer',
    });
    expect(
      decideSend(input({ ...closed, tier: () => ({ used: 250, limit: 250, includesContact: true }) })).action,
    ).toBe('send');
    // Inside the window a template opens no business-initiated conversation.
    expect(
      decideSend(
        input({
          ...closed,
          lastInboundAt: NOW - 1000,
          tier: () => ({ used: 250, limit: 250, includesContact: false }),
        }),
      ).action,
    ).toBe('send');
  });

  it('gives up on a contact WhatsApp said it cannot reach', () => {
    expect(decideSend(input({ undeliverable: true }))).toMatchObject({ action: 'skip', reason: 'undeliverable' });
  });

  it.each([
    ['authentication', { marketing: 'opt_out' as const }, 'send'],
    ['utility', { marketing: 'opt_out' as const }, 'send'],
    ['authentication', { authentication: 'opt_out' as const }, 'skip'],
    ['marketing', { utility: 'opt_out' as const, marketing: 'opt_in' as const }, 'send'],
  ] as const)('judges a %s template by its own category only (%o → %s)', (pricing, consent, action) => {
    const decision = decideSend(input({ window: 'template', payload: template('code'), pricing, consent }));
    expect(decision.action).toBe(action);
  });

  it("holds marketing outside the window while Meta's per-user limit lasts, but not inside a window", () => {
    const marketing = {
      window: 'template' as const,
      payload: template('offer'),
      pricing: 'marketing' as const,
      consent: { marketing: 'opt_in' as const },
      marketingHeldUntil: NOW + 3_600_000,
    };
    expect(decideSend(input({ ...marketing, lastInboundAt: null }))).toMatchObject({
      action: 'defer',
      until: NOW + 3_600_000,
    });
    expect(decideSend(input({ ...marketing, lastInboundAt: NOW - 60_000 })).action).toBe('send');
    expect(decideSend(input({ ...marketing, lastInboundAt: null, marketingHeldUntil: NOW - 1 })).action).toBe('send');
    // Utility is never capped by the marketing limit.
    expect(decideSend(input({ ...marketing, pricing: 'utility', lastInboundAt: null })).action).toBe('send');
  });
});
