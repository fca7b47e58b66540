import { openDatabase } from '@parley/runtime';
import { signWebhookBody } from '@parley/whatsapp';
import type { LateFailureSpec } from '@parley/whatsapp/simulator';
import type { RuntimeUnderTest } from './runtime-under-test.ts';

/**
 * Meta reports an error in the send's answer, or (most often) accepts the send
 * and reports the same code later in a `failed` status. Reaction tests run
 * once each way and must see the same outcome.
 */
export const WAYS = ['immediate', 'late'] as const;
export type Way = (typeof WAYS)[number];

type Failing = { count?: number; match?: LateFailureSpec['match'] };

/** The next `count` sends to `recipient` fail with `code`, in the answer or by a later status. */
export function failNext(rt: RuntimeUnderTest, way: Way, recipient: string, code: number, options: Failing = {}) {
  const count = options.count ?? 1;
  if (way === 'immediate') rt.simulator.faults.inject({ kind: 'error', code, httpStatus: 400, recipient, count });
  else rt.simulator.faults.failLater(recipient, { code, count, match: options.match ?? 'any' });
}

type Logged = { direction: string; status: string; payload: Record<string, unknown>; at: number };

/** What the runtime's conversation log shows the bot sent the contact (sent, failed or not sent). */
export async function outbound(rt: RuntimeUnderTest, id: string): Promise<Logged[]> {
  const { messages } = await (await rt.api(`/contacts/${id}/messages`)).json();
  return messages.filter((m: Logged) => m.direction === 'out');
}

type Conversation = { sessionId: string; status: string; endedReason: string | null };

export async function conversations(rt: RuntimeUnderTest, id: string): Promise<Conversation[]> {
  return (await (await rt.api(`/contacts/${id}/conversations`)).json()).conversations;
}

/** How often each node of a flow was entered, from the analytics API. */
export async function visits(rt: RuntimeUnderTest, flowId: string): Promise<Record<string, number>> {
  return (await (await rt.api(`/flows/${flowId}/analytics`)).json()).visits;
}

type Consent = { category: string; action: string; wording: string; source: string; at: number };

export async function consents(rt: RuntimeUnderTest, id: string): Promise<Consent[]> {
  return (await (await rt.api(`/contacts/${id}/consents`)).json()).consents;
}

/** Posts a business event for the contact; the flows it triggers start at once. */
export async function postEvent(rt: RuntimeUnderTest, name: string, phone: string, data: Record<string, unknown> = {}) {
  const answer = await rt.api(`/events/${name}`, {
    method: 'POST',
    body: JSON.stringify({ contact: { phone }, data }),
  });
  if (answer.status !== 202) throw new Error(`event ${name}: ${answer.status} ${await answer.text()}`);
}

/** The sends (`/messages` requests) the simulator received for a customer, optionally only one template's. */
export function sendsTo(rt: RuntimeUnderTest, recipient: string, template?: string) {
  return rt.simulator.requests
    .list({ recipient, path: '/messages', method: 'POST' })
    .filter((request) => template === undefined || JSON.stringify(request.body).includes(`"name":"${template}"`));
}

/** Templates the customer actually received, by name. */
export function templatesReceived(rt: RuntimeUnderTest, phone: string): string[] {
  return rt
    .received(phone)
    .map((body) =>
      typeof body.template === 'object' && body.template !== null ? Reflect.get(body.template, 'name') : '',
    )
    .filter((name): name is string => typeof name === 'string' && name !== '');
}

/**
 * Reads the runtime's SQLite file, for what no API shows (the notices a flow
 * recorded, the outbox's view of a send). A second connection on the WAL file, closed at once.
 */
export function queryDatabase(rt: RuntimeUnderTest, query: string): Record<string, unknown>[] {
  const { db, close } = openDatabase(rt.dbPath);
  try {
    return db.all<Record<string, unknown>>(query);
  } finally {
    close();
  }
}

/**
 * Posts a customer's text webhook as Meta sends it, written at `sentAt` (the
 * message's own timestamp, which the simulator always sets to now). Answers the HTTP status.
 */
export async function postText(rt: RuntimeUnderTest, phone: string, text: string, sentAt: number): Promise<number> {
  const message = { from: phone, id: `wamid.${phone}.${sentAt}`, timestamp: String(Math.floor(sentAt / 1000)) };
  const value = {
    messaging_product: 'whatsapp',
    metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
    contacts: [{ profile: { name: 'Kim' }, wa_id: phone }],
    messages: [{ ...message, type: 'text', text: { body: text } }],
  };
  const body = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: '102290129340398', changes: [{ field: 'messages', value }] }],
  });
  const answer = await fetch(`${rt.url}/webhooks/whatsapp`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signWebhookBody(body, 'e2e-app-secret') },
  });
  return answer.status;
}
