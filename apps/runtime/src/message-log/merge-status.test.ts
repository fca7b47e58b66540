import { describe, expect, it } from 'vitest';
import { mergeStatus } from './merge-status.ts';

describe('mergeStatus', () => {
  it.each([
    ['accepted', 'sent', 'sent'],
    ['sent', 'delivered', 'delivered'],
    ['delivered', 'sent', 'delivered'],
    ['read', 'delivered', 'read'],
    ['accepted', 'read', 'read'],
    ['sent', 'failed', 'failed'],
    ['delivered', 'failed', 'delivered'],
    ['failed', 'sent', 'failed'],
    ['failed', 'delivered', 'delivered'],
    ['failed', 'read', 'read'],
    ['read', 'something_new', 'read'],
  ])('%s then %s gives %s', (current, incoming, expected) => {
    expect(mergeStatus(current, incoming)).toBe(expected);
  });
});
