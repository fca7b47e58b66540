import { isBsuid, normalizePhone } from '../schemas/identity.ts';
import type { SimContext } from './context.ts';
import { createWamid } from './ids.ts';
import { bsuidForPhone, type Customer, createBsuid, type NewIdentity } from './state/customers.ts';
import type { DeliveryRecord } from './webhook-delivery.ts';
import { inboundPayload, userPreferencesPayload } from './webhook-payloads.ts';

/** The outcome of an identity change: the notice Meta sent and who the customer is now. */
export type IdentityChange =
  | {
      ok: true;
      /** The wamid of the `system` message. */
      id: string;
      previous: { phone: string | undefined; userId: string };
      customer: { key: string; phone: string | undefined; userId: string };
      delivery: DeliveryRecord;
    }
  /** `taken`: another customer holds the new phone or BSUID. */
  | { ok: false; error: string; taken?: boolean };

/**
 * What the customer does to their WhatsApp account rather than to the chat:
 * stop or resume marketing messages (a `user_preferences` webhook, reference
 * §3.7, §8.4) and change their phone number or BSUID (a `system` message,
 * §3.5, §10.1). Each updates the simulator's own state, so later sends and
 * messages see the change, and resolves once the webhook was delivered or
 * gave up. None of them opens the 24-hour window: the customer wrote nothing.
 */
export function createAccountActions(ctx: SimContext, customerFor: (from: string) => Customer) {
  type Previous = { phone: string | undefined; userId: string; name: string };

  async function move(
    from: string,
    nextOf: (customer: Customer) => NewIdentity,
    system: (previous: Previous) => Record<string, string>,
  ): Promise<IdentityChange> {
    const customer = ctx.customers.ensure(from);
    if (!customer) return { ok: false, error: `"${from}" is neither a phone number nor a BSUID` };
    const previous = { phone: customer.phone, userId: customer.userId };
    const party = { ...previous, name: customer.name, username: customer.username };
    const oldKey = customer.key;
    const moved = ctx.customers.changeIdentity(customer, nextOf(customer));
    if (!moved.ok) return { ok: false, error: moved.reason, taken: true };
    const at = ctx.clock.now();
    const id = createWamid(previous.phone ?? previous.userId);
    // Meta sends the notice from the identity the customer left.
    const payload = inboundPayload(ctx.business, party, { id, type: 'system', system: system(party) }, at);
    const delivery = await ctx.webhooks.enqueue(oldKey, payload);
    const now = { key: customer.key, phone: customer.phone, userId: customer.userId };
    return { ok: true, id, previous, customer: now, delivery };
  }

  return {
    /** The customer taps "stop" or "resume" on the business's marketing messages in WhatsApp. */
    async setMarketingPreference(from: string, value: 'stop' | 'resume') {
      const customer = customerFor(from);
      customer.marketingStopped = value === 'stop';
      const payload = userPreferencesPayload(ctx.business, customer, value, ctx.clock.now());
      return { customer: customer.key, delivery: await ctx.webhooks.enqueue(customer.key, payload) };
    },

    /**
     * The customer moves to `newPhone` (`customer_changed_number`). Meta
     * regenerates the BSUID with the number (§10.1), so a new one is issued
     * unless `newUserId` is given. Sends to the old phone or BSUID are accepted
     * and then fail with 131026: nobody on WhatsApp has them any more.
     */
    async changeNumber(from: string, newPhone: string, options: { newUserId?: string } = {}): Promise<IdentityChange> {
      const phone = normalizePhone(newPhone);
      if (phone === undefined) return { ok: false, error: `"${newPhone}" is not a phone number` };
      const userId = options.newUserId ?? bsuidForPhone(phone);
      if (!isBsuid(userId)) return { ok: false, error: `"${userId}" is not a BSUID` };
      return move(
        from,
        () => ({ phone, userId }),
        (previous) => ({
          body: `${previous.name} changed from ${plus(previous.phone ?? previous.userId)} to +${phone}`,
          type: 'customer_changed_number',
          wa_id: phone,
          user_id: userId,
        }),
      );
    },

    /** The customer's BSUID is regenerated (`user_changed_user_id`); a random one unless `newUserId` is given. */
    async changeUserId(from: string, newUserId: string = createBsuid()): Promise<IdentityChange> {
      if (!isBsuid(newUserId)) return { ok: false, error: `"${newUserId}" is not a BSUID` };
      return move(
        from,
        (customer) => ({ phone: customer.phone, userId: newUserId }),
        (previous) => {
          const system: Record<string, string> = {
            body: `${previous.name} changed from ${previous.userId} to ${newUserId}`,
            type: 'user_changed_user_id',
            user_id: newUserId,
          };
          if (previous.phone !== undefined) system.wa_id = previous.phone;
          return system;
        },
      );
    },
  };
}

function plus(identity: string): string {
  return isBsuid(identity) ? identity : `+${identity}`;
}
