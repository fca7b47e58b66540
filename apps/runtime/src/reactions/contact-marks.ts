import { and, eq, gt, isNotNull } from 'drizzle-orm';
import type { Store } from '../db/open-database.ts';
import { contacts } from '../db/schema.ts';

/** WhatsApp said this contact cannot receive messages; cleared when they write again. */
export function markUndeliverable(tx: Store, contactKey: string, code: number, at: number): void {
  tx.update(contacts).set({ undeliverableAt: at, undeliverableCode: code }).where(eq(contacts.key, contactKey)).run();
}

/** Meta's per-user marketing limit: one step waits an hour, and each hold in a row twice as long, up to a day. */
export const MARKETING_HOLD = { firstMs: 3_600_000, factor: 2, maxMs: 24 * 3_600_000, maxHolds: 6 } as const;

/**
 * Holds the contact's marketing templates (outside a window) for longer than
 * last time. Returns until when, and how many holds in a row this is.
 */
export function holdMarketing(tx: Store, contactKey: string, at: number): { until: number; holds: number } {
  const row = tx.select({ holds: contacts.marketingHolds }).from(contacts).where(eq(contacts.key, contactKey)).get();
  const holds = (row?.holds ?? 0) + 1;
  const wait = Math.min(MARKETING_HOLD.maxMs, MARKETING_HOLD.firstMs * MARKETING_HOLD.factor ** (holds - 1));
  const until = at + wait;
  tx.update(contacts)
    .set({ marketingHolds: holds, marketingHeldUntil: until })
    .where(eq(contacts.key, contactKey))
    .run();
  return { until, holds };
}

/**
 * A marketing template was accepted: this hold's wait is over. Meta reports its
 * per-user limit late (200 + wamid, then a `failed` status), so acceptance does
 * not mean the limit let go: the count of holds in a row stays, and the next
 * hold is still longer, until a marketing template is delivered.
 */
export function releaseMarketingHold(tx: Store, contactKey: string): void {
  tx.update(contacts)
    .set({ marketingHeldUntil: null })
    .where(and(eq(contacts.key, contactKey), isNotNull(contacts.marketingHeldUntil)))
    .run();
}

/** A marketing template reached the customer: the next hold starts short again. */
export function forgetMarketingHolds(tx: Store, contactKey: string): void {
  tx.update(contacts)
    .set({ marketingHolds: 0, marketingHeldUntil: null })
    .where(and(eq(contacts.key, contactKey), gt(contacts.marketingHolds, 0)))
    .run();
}
