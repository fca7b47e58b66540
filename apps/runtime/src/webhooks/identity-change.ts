import type { InboundWebhookMessage } from '@parley/whatsapp';
import { eq } from 'drizzle-orm';
import type { Store } from '../db/open-database.ts';
import { resolveContactKey } from '../db/resolve-contact.ts';
import { contacts } from '../db/schema.ts';

/**
 * WhatsApp's notices that a customer changed number or got a new BSUID
 * (reference §3.5, §10.1). They are not customer messages: no reply, no window.
 */
const IDENTITY_NOTICES = new Set(['customer_changed_number', 'user_changed_number', 'user_changed_user_id']);

export function isIdentityNotice(message: InboundWebhookMessage): boolean {
  return message.type === 'system' && IDENTITY_NOTICES.has(message.system?.type ?? '');
}

/**
 * Moves the customer to their new identity. The contact's key is Parley's own
 * and stays; its phone or BSUID changes, so their consent, history, running
 * conversation and queued messages stay theirs, and the next message from the
 * new identity finds them.
 */
export function applyIdentityChange(tx: Store, message: InboundWebhookMessage): void {
  const key = resolveContactKey(tx, { userId: message.from_user_id, phone: message.from });
  if (key === undefined) return;
  const known = tx.select({ key: contacts.key }).from(contacts).where(eq(contacts.key, key)).get();
  if (!known) return;
  const system = message.system;
  const newPhone = system?.wa_id;
  const newUserId = system?.user_id;
  tx.update(contacts)
    .set({
      ...(newPhone ? { phone: newPhone } : {}),
      // A new number comes with a new BSUID (§10.1); either notice may carry it.
      ...(newUserId && newUserId !== message.from_user_id ? { userId: newUserId } : {}),
    })
    .where(eq(contacts.key, key))
    .run();
}
