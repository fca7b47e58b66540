import { normalizePhone } from '@parley/whatsapp';
import { eq } from 'drizzle-orm';
import type { Db, Store } from './open-database.ts';
import { contacts } from './schema.ts';

/**
 * One contact per person, whichever identifier came first: a contact created
 * from a phone number (a business event) keeps its key when the customer
 * later writes with a BSUID, and the other way round.
 */
export function resolveContactKey(tx: Store, ids: { userId?: string; phone?: string }): string | undefined {
  if (ids.userId) {
    const byUser = tx.select({ key: contacts.key }).from(contacts).where(eq(contacts.userId, ids.userId)).get();
    if (byUser) return byUser.key;
    const byKey = tx.select({ key: contacts.key }).from(contacts).where(eq(contacts.key, ids.userId)).get();
    if (byKey) return byKey.key;
  }
  if (ids.phone) {
    const byPhone = tx.select({ key: contacts.key }).from(contacts).where(eq(contacts.phone, ids.phone)).get();
    if (byPhone) return byPhone.key;
  }
  return ids.userId || ids.phone || undefined;
}

/** The contact an API path names: its key (a BSUID or phone digits) or its phone number in any common format. */
export function contactKeyFor(db: Db, id: string): string {
  return db.transaction((tx) => {
    const known = tx.select({ key: contacts.key }).from(contacts).where(eq(contacts.key, id)).get();
    return known?.key ?? resolveContactKey(tx, { userId: id, phone: normalizePhone(id) }) ?? id;
  });
}
