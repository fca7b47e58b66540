import { createHash } from 'node:crypto';
import { isBsuid, normalizePhone } from '../../schemas/identity.ts';

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
};

/** A stable, opaque BSUID for a simulated phone number (Meta's are per business portfolio). */
export function bsuidForPhone(phone: string): string {
  const digest = createHash('sha256').update(`parley-sim:${phone}`).digest();
  return `US.${BigInt(`0x${digest.subarray(0, 8).toString('hex')}`).toString()}`;
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
      return () => set.delete(listener);
    },
    subscribeAll(listener: (customer: Customer, event: CustomerEvent) => void): () => void {
      everyone.add(listener);
      return () => everyone.delete(listener);
    },
  };
}

export type Customers = ReturnType<typeof createCustomers>;
