// The WhatsApp simulator as its own process for the benchmarks, with the
// limits under test set from the environment and a compact log of the sends
// it received (time, recipient, answer) for computing rates and lags.
import { serve } from '@hono/node-server';
import { createSimulator } from '@parley/whatsapp/simulator';
import { Hono } from 'hono';

const rate = Number(process.env.SIM_THROUGHPUT ?? 1000);
const simulator = createSimulator({
  accessTokens: [process.env.SIM_ACCESS_TOKEN ?? 'bench-token'],
  phoneNumberId: process.env.SIM_PHONE_NUMBER_ID ?? '106540352242922',
  appSecret: process.env.SIM_APP_SECRET ?? 'bench-secret',
  throughputPerSecond: rate,
  pairRate: { intervalMs: 6_000, burst: 45 },
  tierLimit: null,
  customersRead: process.env.SIM_CUSTOMERS_READ !== 'false',
});

const app = new Hono();
app.get('/_bench/sends', (c) =>
  c.json(
    simulator.requests
      .list({ path: '/messages', method: 'POST' })
      .map((r) => [r.at, r.recipient ?? '', r.status, r.errorCode ?? 0]),
  ),
);
/** The load generator posts webhooks straight to the runtime; tell the simulator these customers wrote. */
app.post('/_bench/inbound', (c) => {
  const first = Number(c.req.query('first'));
  const count = Number(c.req.query('count'));
  for (let i = 1; i <= count; i++) simulator.customer.recordInbound(String(first + i));
  return c.json({ recorded: count });
});
app.all('*', (c) => simulator.app.fetch(c.req.raw));

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  console.log(`listening on http://127.0.0.1:${info.port}`);
});
process.on('SIGTERM', () => {
  simulator.close();
  server.close(() => process.exit(0));
});
