import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type RunningSimulator, startSimulator } from '@parley/whatsapp/simulator';
import { afterEach, describe, expect, it } from 'vitest';
import { Text } from 'whatsapp-api-js/messages';
import { WhatsAppAPI } from 'whatsapp-api-js/middleware/node-http';
import { fetchVia } from './graph-fetch.ts';

const TOKEN = 'third-party-token';
const APP_SECRET = 'third-party-app-secret';
const PNID = '106540352242922';
const CUSTOMER = '16505551234';

type Bot = { url: string; api: WhatsAppAPI; answered: number[]; server: Server };

/** A webhook endpoint built only from whatsapp-api-js: its node-http middleware checks the signature and parses. */
async function startBot(appSecret: string, simulatorUrl: string): Promise<Bot> {
  const api = new WhatsAppAPI({ token: TOKEN, appSecret, v: 'v24.0', ponyfill: { fetch: fetchVia(simulatorUrl) } });
  const answered: number[] = [];
  const server = createServer(async (req, res) => {
    const status = await api.handle_post(req);
    answered.push(status);
    res.writeHead(status).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/webhook`, api, answered, server };
}

let running: RunningSimulator | undefined;
let bot: Bot | undefined;

afterEach(async () => {
  await running?.close();
  await new Promise((resolve) => bot?.server.close(resolve) ?? resolve(undefined));
  running = undefined;
  bot = undefined;
});

/** The simulator first, then the bot that replies through it; webhooks go to the bot once it listens. */
async function startPair(botSecret: string) {
  running = await startSimulator({
    port: 0,
    accessTokens: [TOKEN],
    phoneNumberId: PNID,
    appSecret: APP_SECRET,
    statusDelayMs: 0,
    webhookRetry: { maxAttempts: 1, baseDelayMs: 1 },
  });
  bot = await startBot(botSecret, running.url);
  running.simulator.webhooks.setUrl(bot.url);
  return { sim: running.simulator, bot };
}

describe("whatsapp-api-js's webhook handling accepts the simulator's customer", () => {
  it('verifies our signature and parses a text with non-ASCII, a button tap, and the statuses of its reply', async () => {
    // The bot answers through the same library, so the statuses of its reply come back to it.
    const { sim, bot } = await startPair(APP_SECRET);
    const messages: { from: string | undefined; name: string | undefined; message: unknown }[] = [];
    const statuses: { id: string; status: string; phone: string | undefined }[] = [];
    const replies: Promise<unknown>[] = [];
    bot.api.on.message = ({ from, name, message, reply }) => {
      messages.push({ from, name, message });
      if (message.type === 'text') replies.push(reply(new Text(`Você disse: ${message.text.body}`)));
    };
    bot.api.on.status = ({ id, status, phone }) => {
      statuses.push({ id, status, phone });
    };

    const text = await sim.customer.sendText(CUSTOMER, 'Olá 👋', { name: 'Zoë' });
    const reply = await Promise.all(replies);
    const tap = await sim.customer.tapButton(CUSTOMER, 'yes', 'Yes');
    await sim.idle();

    expect(bot.answered.length).toBeGreaterThanOrEqual(5);
    expect(bot.answered.every((status) => status === 200)).toBe(true);
    expect(sim.webhooks.log.map((d) => d.outcome)).toEqual(sim.webhooks.log.map(() => 'delivered'));
    expect(messages).toEqual([
      { from: CUSTOMER, name: 'Zoë', message: expect.objectContaining({ id: text.id, text: { body: 'Olá 👋' } }) },
      {
        from: CUSTOMER,
        name: 'Zoë',
        message: expect.objectContaining({
          id: tap.id,
          type: 'interactive',
          interactive: { type: 'button_reply', button_reply: { id: 'yes', title: 'Yes' } },
        }),
      },
    ]);
    expect(reply).toEqual([expect.objectContaining({ messages: [{ id: expect.stringMatching(/^wamid\./) }] })]);
    const replyId = sim.customer.received(CUSTOMER)[0]?.id;
    expect(statuses.filter((s) => s.id === replyId).map((s) => [s.status, s.phone])).toEqual([
      ['sent', CUSTOMER],
      ['delivered', CUSTOMER],
      ['read', CUSTOMER],
    ]);
  });

  it('a receiver holding another app secret refuses the webhook, and the simulator records the failure', async () => {
    const { sim, bot } = await startPair('some-other-secret');
    let parsed = 0;
    bot.api.on.message = () => {
      parsed += 1;
    };

    await sim.customer.sendText(CUSTOMER, 'hi');
    await sim.idle();

    expect(parsed).toBe(0);
    expect(bot.answered).toEqual([401]);
    expect(sim.webhooks.log.map((d) => [d.outcome, d.lastHttpStatus])).toEqual([['failed', 401]]);
  });
});
