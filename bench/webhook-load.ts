// The load generator: autocannon posting signed WhatsApp webhooks, one new
// customer per request, so the runtime does the work of many conversations.
import { createHmac } from 'node:crypto';
import autocannon from 'autocannon';

export type LoadResult = {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  /** Requests answered 2xx: acknowledged webhooks. */
  acknowledged: number;
  /** When the request for each customer was handed to the socket (epoch ms). */
  sentAt: Map<string, number>;
};

export const PHONE_NUMBER_ID = '106540352242922';

/** A realistic button-reply webhook (about 1.3 KB with its envelope) from customer `waId`. */
export function buttonReplyWebhook(waId: string, replyId: string, seq: number): string {
  const now = Math.floor(Date.now() / 1000);
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID },
              contacts: [{ profile: { name: `Customer ${seq}` }, wa_id: waId }],
              messages: [
                {
                  context: {
                    from: '15550783881',
                    id: `wamid.HBgLMTU1NTA3ODM4ODEVAgARGBI${seq.toString(16).padStart(12, '0')}`,
                  },
                  from: waId,
                  id: `wamid.bench.${process.pid}.${seq}`,
                  timestamp: String(now),
                  type: 'interactive',
                  interactive: { type: 'button_reply', button_reply: { id: replyId, title: 'Track my order' } },
                },
              ],
            },
          },
        ],
      },
    ],
  });
}

export function sign(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export async function loadWebhooks(options: {
  url: string;
  secret: string;
  connections: number;
  durationSec: number;
  replyId: string;
  firstCustomer: number;
}): Promise<LoadResult> {
  const sentAt = new Map<string, number>();
  let seq = 0;
  const result = await autocannon({
    url: `${options.url}/webhooks/whatsapp`,
    connections: options.connections,
    duration: options.durationSec,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          seq += 1;
          const waId = String(options.firstCustomer + seq);
          const body = buttonReplyWebhook(waId, options.replyId, options.firstCustomer + seq);
          sentAt.set(waId, Date.now());
          return {
            ...request,
            body,
            headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(body, options.secret) },
          };
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    acknowledged: result['2xx'],
    sentAt,
  };
}
