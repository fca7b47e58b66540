import { describe, expect, it } from 'vitest';
import { contactKeyOf, isBsuid, normalizePhone, phoneOf } from './identity.ts';

describe('customer identity', () => {
  it.each([
    ['+16505551234', '16505551234'],
    ['+1 (650) 555-1234', '16505551234'],
    ['16505551234', '16505551234'],
    ['+49 151 1234 5678', '4915112345678'],
    ['1234567', undefined],
    ['+1234567890123456', undefined],
    ['++16505551234', undefined],
    ['phone', undefined],
    ['US.13491208655302741918', undefined],
  ])('normalizes %s → %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each([
    ['US.13491208655302741918', true],
    ['US.ENT.abcDEF123', true],
    [`BR.${'a'.repeat(256)}`, true],
    [`BR.${'a'.repeat(257)}`, false],
    ['us.123', false],
    ['16505551234', false],
    ['US.', false],
  ])('recognizes %s as a BSUID: %s', (value, expected) => {
    expect(isBsuid(value)).toBe(expected);
  });

  it('keys a customer by BSUID first, then phone, ignoring empty strings', () => {
    expect(contactKeyOf({ user_id: 'US.1', wa_id: '16505551234' })).toBe('US.1');
    expect(contactKeyOf({ wa_id: '', user_id: 'US.1' })).toBe('US.1');
    expect(contactKeyOf({ from: '16505551234' })).toBe('16505551234');
    expect(contactKeyOf({ recipient_user_id: 'US.2', recipient_id: '1650' })).toBe('US.2');
    expect(contactKeyOf({ wa_id: '' })).toBeUndefined();
    expect(phoneOf({ user_id: 'US.1', wa_id: '' })).toBeUndefined();
    expect(phoneOf({ user_id: 'US.1', wa_id: '16505551234' })).toBe('16505551234');
  });
});
