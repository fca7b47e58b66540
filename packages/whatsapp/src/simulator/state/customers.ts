import { createHash, randomBytes } from 'node:crypto';
import { isBsuid, normalizePhone } from '../../schemas/identity.ts';
import type { LateFailure } from '../late-failures.ts';

/** A message the bot sent that reached this customer, with its latest status. */
export type ReceivedMessage = {
  id: string;
  /** The send body exactly as the bot POSTed it. */
  payload: unknown;
  at: number;
  status: 'accepted' | 'sent' | 'delivered' | 'read' | 'failed';
  errorCode?: number;
};

/** A message the customer sent to the business, and whether the bot marked it read or typed. */
export type SentByCustomer = { id: string; type: string; at: number; readAt?: number; typingAt?: number };

export type CustomerEvent =
  | { type: 'message'; message: ReceivedMessage }
  | { type: 'status'; id: string; status: ReceivedMessage['status']; errorCode?: number };

export type Customer = {
  /** Phone digits when known, else the BSUID. */
  key: string;
  phone: string | undefined;
  userId: string;
  name: string;
  username: string | undefined;
  /** phone_number_id → epoch ms of the customer's last message to that number. */
  lastInboundAt: Map<string, number>;
  received: ReceivedMessage[];
  inbound: SentByCustomer[];
  /** Failures Meta will report by webhook for this customer's next matching sends, oldest first. */
  lateFailures: LateFailure[];
  /** The customer tapped "stop" on marketing messages (a `user_preferences` webhook said so). */
  marketingStopped: boolean;
  /**
   * Nobody on WhatsApp has this identity: it belonged to a customer who changed
   * number or BSUID. Sends are accepted and fail later with 131026, until
   * someone writes from it.
   */
  unreachable: boolean;
};

/** The identity a customer moves to: a new phone (or none, for a username customer) and BSUID. */
export type NewIdentity = { phone: string | undefined; userId: string };

/** A stable, opaque BSUID for a simulated phone number (Meta's are per business portfolio). */
export function bsuidForPhone(phone: string): string {
  const digest = createHash('sha256').update(`parley-sim:${phone}`).digest();
  return `US.${BigInt(`0x${digest.subarray(0, 8).toString('hex')}`).toString()}`;
}

/** A fresh random BSUID, as Meta issues when it regenerates one. */
export function createBsuid(): string {
  return `US.${BigInt(`0x${randomBytes(8).toString('hex')}`).toString()}`;
}

/**
 * The simulated customers: who they are (phone and BSUID), when they last
 * wrote (for the 24-hour window), what they received, and who listens.
 */
export function createCustomers(maxRecordsPerCustomer = 1000) {
  const byKey = new Map<string, Customer>();
  const byUserId = new Map<string, Customer>();
  const listeners = new Map<string, Set<(event: CustomerEvent) => void>>();
  const everyone = new Set<(customer: Customer, event: CustomerEvent) => void>();
  /** Phones and BSUIDs a customer moved away from; whoever is found there next is unreachable. */
  const retired = new Set<string>();

  function add(phone: string | undefined, userId: string, name?: string, username?: string): Customer {
    const customer: Customer = {
      key: phone ?? userId,
      phone,
      userId,
      name: name ?? (phone ? `Customer ${phone.slice(-4)}` : 'Customer'),
      username,
      lastInboundAt: new Map(),
      received: [],
      inbound: [],
      lateFailures: [],
      marketingStopped: false,
      unreachable: retired.has(phone ?? userId),
    };
    byKey.set(customer.key, customer);
    byUserId.set(userId, customer);
    return customer;
  }

  /** Finds a customer by phone (any format) or BSUID, without creating one. */
  function find(identifier: string): Customer | undefined {
    if (isBsuid(identifier)) return byUserId.get(identifier);
    const phone = normalizePhone(identifier);
    return phone === undefined ? undefined : byKey.get(phone);
  }

  function unindex(customer: Customer): void {
    byKey.delete(customer.key);
    byUserId.delete(customer.userId);
  }

  function moveListeners(from: string, to: string): void {
    const moving = listeners.get(from);
    if (!moving || from === to) return;
    listeners.delete(from);
    const staying = listeners.get(to) ?? new Set();
    for (const listener of moving) staying.add(listener);
    listeners.set(to, staying);
  }

  /** Appends and drops the oldest beyond the cap: a sandbox can run for weeks. */
  function keepRecent<T>(list: T[], entry: T): void {
    list.push(entry);
    if (list.length > maxRecordsPerCustomer) list.splice(0, list.length - maxRecordsPerCustomer);
  }

  return {
    find,
    /** Records a message the bot sent this customer. */
    addReceived(customer: Customer, message: ReceivedMessage): void {
      keepRecent(customer.received, message);
    },
    /** Records a message this customer sent the business. */
    addInbound(customer: Customer, message: SentByCustomer): void {
      keepRecent(customer.inbound, message);
    },
    /**
     * The customer behind a phone number or BSUID, created on first sight. A bare
     * BSUID makes a username customer with no phone; undefined for anything else.
     */
    ensure(identifier: string, profile: { name?: string; username?: string } = {}): Customer | undefined {
      const found = find(identifier);
      if (found) {
        if (profile.name !== undefined) found.name = profile.name;
        if (profile.username !== undefined) found.username = profile.username;
        return found;
      }
      if (isBsuid(identifier)) return add(undefined, identifier, profile.name, profile.username);
      const phone = normalizePhone(identifier);
      return phone === undefined ? undefined : add(phone, bsuidForPhone(phone), profile.name, profile.username);
    },
    list(): Customer[] {
      return [...byKey.values()];
    },
    /** Whether two identifiers (phones in any format, BSUIDs) name the same customer. */
    same(a: string, b: string): boolean {
      const [x, y] = [find(a), find(b)];
      if (x && y) return x === y;
      const canonical = (id: string) => (isBsuid(id) ? id : normalizePhone(id));
      return canonical(a) !== undefined && canonical(a) === canonical(b);
    },
    /** Someone wrote from an identity nobody had: it is a WhatsApp account again. */
    markReachable(customer: Customer): void {
      customer.unreachable = false;
      for (const id of [customer.phone, customer.userId]) if (id !== undefined) retired.delete(id);
    },
    /**
     * Moves a customer to a new phone and/or BSUID (Meta's `customer_changed_number`
     * and `user_changed_user_id`): their history, window and listeners move along,
     * and the identities left behind are retired. Refused when another reachable
     * customer already holds the new phone or BSUID.
     */
    changeIdentity(customer: Customer, next: NewIdentity): { ok: true } | { ok: false; reason: string } {
      const ids = [next.phone, next.userId].filter((id): id is string => id !== undefined);
      const taken = ids.map((id) => ({ id, holder: find(id) })).find((t) => t.holder && t.holder !== customer);
      if (taken?.holder && !taken.holder.unreachable) {
        return { ok: false, reason: `${taken.id} already belongs to another customer (${taken.holder.key})` };
      }
      const oldKey = customer.key;
      for (const old of [customer.phone, customer.userId])
        if (old !== undefined && !ids.includes(old)) retired.add(old);
      unindex(customer);
      // Whoever stood in for the new identity while nobody held it makes room.
      for (const id of ids) {
        const ghost = find(id);
        if (ghost) unindex(ghost);
        retired.delete(id);
      }
      customer.phone = next.phone;
      customer.userId = next.userId;
      customer.key = next.phone ?? next.userId;
      byKey.set(customer.key, customer);
      byUserId.set(customer.userId, customer);
      moveListeners(oldKey, customer.key);
      return { ok: true };
    },
    findMessage(wamid: string): { customer: Customer; message: ReceivedMessage } | undefined {
      for (const customer of byKey.values()) {
        const message = customer.received.find((m) => m.id === wamid);
        if (message) return { customer, message };
      }
      return undefined;
    },
    emit(customer: Customer, event: CustomerEvent): void {
      for (const listener of listeners.get(customer.key) ?? []) listener(event);
      for (const listener of everyone) listener(customer, event);
    },
    /** Streams what one customer receives (messages and their statuses). Returns the unsubscribe. */
    subscribe(identifier: string, listener: (event: CustomerEvent) => void): () => void {
      const key = find(identifier)?.key ?? normalizePhone(identifier) ?? identifier;
      let set = listeners.get(key);
      if (!set) {
        set = new Set();
        listeners.set(key, set);
      }
      set.add(listener);
      // Not `set.delete`: an identity change may have moved the listener to another key's set.
      return () => {
        for (const each of listeners.values()) each.delete(listener);
      };
    },
    subscribeAll(listener: (customer: Customer, event: CustomerEvent) => void): () => void {
      everyone.add(listener);
      return () => everyone.delete(listener);
    },
  };
}

export type Customers = ReturnType<typeof createCustomers>;
