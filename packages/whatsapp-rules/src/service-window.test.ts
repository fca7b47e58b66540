import { describe, expect, it } from 'vitest';
import { isWindowOpen, SERVICE_WINDOW_MS, windowClosesAt } from './service-window.ts';

const HOUR = 3_600_000;
const wrote = Date.UTC(2026, 11, 2, 9, 0, 0);

describe('the customer service window', () => {
  it('lasts 24 hours', () => {
    expect(SERVICE_WINDOW_MS).toBe(24 * HOUR);
  });

  it.each([
    ['just after the customer wrote', 0, true],
    ['at 23:59:59.999', 24 * HOUR - 1, true],
    ['at exactly 24 hours', 24 * HOUR, false],
    ['after 25 hours', 25 * HOUR, false],
  ])('is %s: open = %s', (_, elapsed, open) => {
    expect(isWindowOpen(wrote, wrote + elapsed)).toBe(open);
  });

  it('is closed for a customer who never wrote', () => {
    expect(isWindowOpen(null, wrote)).toBe(false);
    expect(windowClosesAt(null)).toBeNull();
  });

  it('closes at the first instant isWindowOpen turns false', () => {
    const closes = windowClosesAt(wrote) ?? Number.NaN;
    expect(closes).toBe(wrote + 24 * HOUR);
    expect(isWindowOpen(wrote, closes - 1)).toBe(true);
    expect(isWindowOpen(wrote, closes)).toBe(false);
  });
});
