import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { verifyWebhookSignature } from '../signature.ts';

export type ReceivedWebhook = { raw: string; signature: string | undefined; valid: boolean; json: unknown };

/**
 * A tiny webhook endpoint on 127.0.0.1 for tests: records every POST with its
 * raw body and whether the signature verified. `answer` picks the HTTP status
 * for the n-th POST (1-based), so tests can make deliveries fail.
 */
export async function startWebhookReceiver(appSecret: string, answer: (n: number) => number = () => 200) {
  const received: ReceivedWebhook[] = [];
  let posts = 0;
  const app = new Hono();
  app.post('/webhooks/whatsapp', async (c) => {
    posts += 1;
    const status = answer(posts);
    const raw = await c.req.text();
    const signature = c.req.header('x-hub-signature-256');
    if (status === 200) {
      received.push({
        raw,
        signature,
        valid: verifyWebhookSignature(raw, signature, appSecret),
        json: JSON.parse(raw),
      });
    }
    return c.text('', status === 200 ? 200 : 500);
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? (address satisfies AddressInfo).port : 0;
  return {
    url: `http://127.0.0.1:${port}/webhooks/whatsapp`,
    received,
    posts: () => posts,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
