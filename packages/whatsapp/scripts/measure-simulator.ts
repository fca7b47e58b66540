// Rough figures for the WhatsApp package: payload validation cost, and how many
// sends per second the simulator answers over real HTTP (keep-alive, with status
// webhooks flowing to a receiver). Run: pnpm --filter @parley/whatsapp exec tsx scripts/measure-simulator.ts
import { Agent } from 'undici';
import { createGraphClient } from '../src/client/graph-client.ts';
import { validateOutboundMessage } from '../src/errors/validate-outbound.ts';
import { OutboundMessage } from '../src/schemas/outbound/message.ts';
import { startSimulator } from '../src/simulator/start-simulator.ts';
import { fixtureNames, readFixture } from '../src/testing/fixtures.ts';
import { startWebhookReceiver } from '../src/testing/webhook-receiver.ts';

const payloads = fixtureNames((n) => n.startsWith('send-')).map(readFixture);
const rounds = 2000;
let start = performance.now();
for (let i = 0; i < rounds; i++) for (const p of payloads) validateOutboundMessage(p);
const perPayloadUs = ((performance.now() - start) * 1000) / (rounds * payloads.length);
console.log(
  `validateOutboundMessage: ${perPayloadUs.toFixed(1)} µs per payload (${payloads.length} fixtures × ${rounds})`,
);

const receiver = await startWebhookReceiver('sim-app-secret');
const running = await startSimulator({
  port: 0,
  webhookUrl: process.env.NO_HOOKS ? undefined : receiver.url,
  throughputPerSecond: 1_000_000,
  pairRate: { intervalMs: 1, burst: 1_000_000 },
  tierLimit: null,
  statusDelayMs: 1,
});
const dispatcher = new Agent({ connections: 32, keepAliveTimeout: 10_000 });
const client = createGraphClient({
  baseUrl: running.url,
  accessToken: 'sim-access-token',
  phoneNumberId: running.simulator.options.phoneNumberId,
  dispatcher,
});
const customers = 200;
for (let c = 0; c < customers; c++) running.simulator.customer.recordInbound(String(16505550000 + c));
const text = OutboundMessage.parse(readFixture('send-text.request.json'));
const total = 5000;
let sent = 0;
let failed = 0;
start = performance.now();
await Promise.all(
  Array.from({ length: 32 }, async () => {
    while (sent < total) {
      const n = sent++;
      const result = await client.sendMessage({ ...text, to: `+${16505550000 + (n % customers)}` });
      if (!result.ok) failed++;
    }
  }),
);
const sendSeconds = (performance.now() - start) / 1000;
await running.simulator.idle();
const allSeconds = (performance.now() - start) / 1000;
console.log(
  `simulator: ${total} sends in ${sendSeconds.toFixed(2)} s = ${(total / sendSeconds).toFixed(0)} sends/s (32 concurrent, ${failed} failed); ` +
    `${receiver.received.length} status webhooks delivered after ${allSeconds.toFixed(2)} s`,
);
await dispatcher.close();
await running.close();
await receiver.close();
