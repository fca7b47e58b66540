import { describe, expect, it } from 'vitest';
import { Effect, EndOutcome, PricingCategory, SendEffect } from './effects.ts';

const send = {
  type: 'send',
  sendId: 'send-1',
  nodeId: 'hello',
  payload: { type: 'text', text: { body: 'Hi', preview_url: false } },
  window: 'session',
  pricing: 'service',
  fallback: {
    payload: { type: 'template', template: { name: 'hello_again', language: { code: 'en' } } },
    pricing: 'utility',
  },
};

describe('the effect schemas', () => {
  it('keep every field of a payload, which the engine builds for Meta and the schema does not know', () => {
    const parsed = SendEffect.parse(JSON.parse(JSON.stringify(send)));
    expect(parsed).toEqual(send);
  });

  it.each([
    ['an effect type the engine does not make', { type: 'launch', nodeId: 'n' }],
    ['a payload without a type', { ...send, payload: { text: { body: 'Hi' } } }],
    ['a pricing category Meta does not have', { ...send, pricing: 'free' }],
    ['an end outcome the engine does not have', { type: 'end', outcome: 'crashed', nodeId: null, message: '' }],
  ])('refuse %s', (_what, value) => {
    expect(Effect.safeParse(value).success).toBe(false);
  });

  it('price sends as a free-form reply or as one of the template categories', () => {
    expect(PricingCategory.options).toEqual(['service', 'marketing', 'utility', 'authentication']);
  });

  it('have an end outcome for each way a send can fail for good', () => {
    expect(EndOutcome.options).toEqual(
      expect.arrayContaining(['window_closed', 'template_unavailable', 'opted_out', 'undeliverable', 'send_rejected']),
    );
  });
});
