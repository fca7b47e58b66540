// The same-run baseline: a bare Hono server that does only what any webhook
// receiver must (read the raw body, verify X-Hub-Signature-256, parse the JSON,
// answer 200). Parley's webhook throughput is reported as a ratio of it.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const secret = process.env.BENCH_APP_SECRET ?? 'bench-secret';
const port = Number(process.env.PORT ?? 0);

const app = new Hono();
app.post('/webhooks/whatsapp', async (c) => {
  const raw = new Uint8Array(await c.req.arrayBuffer());
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`);
  const given = Buffer.from(c.req.header('x-hub-signature-256') ?? '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return c.text('bad signature', 401);
  JSON.parse(Buffer.from(raw).toString('utf8'));
  return c.text('OK');
});

const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => {
  console.log(`listening on http://127.0.0.1:${info.port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
