import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphApiError, WhatsAppClient } from '@kapso/whatsapp-cloud-api';
import { normalizeWebhook, verifySignature } from '@kapso/whatsapp-cloud-api/server';
import { type RunningSimulator, startSimulator } from '@parley/whatsapp/simulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEMPLATES } from './templates.ts';

const TOKEN = 'third-party-token';
const APP_SECRET = 'third-party-app-secret';
const PNID = '106540352242922';
const CUSTOMER = '16505551234';

let running: RunningSimulator;
let client: WhatsAppClient;

beforeEach(async () => {
  running = await startSimulator({
    port: 0,
    accessTokens: [TOKEN],
    phoneNumberId: PNID,
    appSecret: APP_SECRET,
    templates: TEMPLATES,
    statusDelayMs: 0,
    webhookRetry: { maxAttempts: 1, baseDelayMs: 1 },
  });
  // Kapso's client takes the Graph base URL, so nothing else is needed to point it at the simulator.
  client = new WhatsAppClient({ accessToken: TOKEN, baseUrl: running.url, graphVersion: 'v24.0' });
  await running.simulator.customer.sendText(CUSTOMER, 'hi');
});

afterEach(() => running.close());

const to = { phoneNumberId: PNID, to: CUSTOMER };

/** Each send through Kapso's typed helpers, and what the simulator must have received for it. */
const sends: [string, () => Promise<unknown>, Record<string, unknown>][] = [
  ['text', () => client.messages.sendText({ ...to, body: 'Hello' }), { type: 'text', text: { body: 'Hello' } }],
  [
    'reply buttons',
    () =>
      client.messages.sendInteractiveButtons({
        ...to,
        bodyText: 'Continue?',
        buttons: [
          { id: 'yes', title: 'Yes' },
          { id: 'no', title: 'No' },
        ],
      }),
    { type: 'interactive', interactive: expect.objectContaining({ type: 'button' }) },
  ],
  [
    'list',
    () =>
      client.messages.sendInteractiveList({
        ...to,
        bodyText: 'Pick a size',
        buttonText: 'Choose',
        sections: [{ title: 'Sizes', rows: [{ id: 's', title: 'Small', description: 'One person' }] }],
      }),
    { type: 'interactive', interactive: expect.objectContaining({ type: 'list' }) },
  ],
  [
    'CTA URL',
    () =>
      client.messages.sendInteractiveCtaUrl({
        ...to,
        bodyText: 'Our menu',
        parameters: { displayText: 'Open', url: 'https://example.com/menu' },
      }),
    { type: 'interactive', interactive: expect.objectContaining({ type: 'cta_url' }) },
  ],
  [
    'image by link',
    () => client.messages.sendImage({ ...to, image: { link: 'https://example.com/cat.jpg', caption: 'A cat' } }),
    { type: 'image', image: { link: 'https://example.com/cat.jpg', caption: 'A cat' } },
  ],
  [
    'location',
    () => client.messages.sendLocation({ ...to, location: { latitude: 37.75, longitude: -122.42, name: 'Office' } }),
    { type: 'location', location: { latitude: 37.75, longitude: -122.42, name: 'Office' } },
  ],
  [
    'positional template',
    () =>
      client.messages.sendTemplate({
        ...to,
        template: {
          name: 'order_shipped',
          language: { code: 'en_US' },
          components: [
            {
              type: 'body',
              parameters: [
                { type: 'text', text: 'Ana' },
                { type: 'text', text: '2 mugs' },
              ],
            },
          ],
        },
      }),
    { type: 'template', template: expect.objectContaining({ name: 'order_shipped' }) },
  ],
  [
    'named template',
    () =>
      client.messages.sendTemplate({
        ...to,
        template: {
          name: 'reservation_confirmation',
          language: { code: 'en_US' },
          components: [
            {
              type: 'body',
              parameters: [
                { type: 'text', text: '4', parameter_name: 'number_of_guests' },
                { type: 'text', text: 'Friday', parameter_name: 'day' },
              ],
            },
          ],
        },
      }),
    {
      type: 'template',
      template: expect.objectContaining({
        name: 'reservation_confirmation',
        components: [
          expect.objectContaining({
            parameters: [expect.objectContaining({ parameter_name: 'number_of_guests' }), expect.anything()],
          }),
        ],
      }),
    },
  ],
];

describe('@kapso/whatsapp-cloud-api against the simulator, unchanged', () => {
  it.each(sends)('sends %s and parses the answer', async (_kind, send, expected) => {
    const response = await send();

    const [logged] = running.simulator.requests.list({ method: 'POST', path: '/messages' });
    expect(logged?.status).toBe(200);
    expect(logged?.body).toMatchObject({ messaging_product: 'whatsapp', to: CUSTOMER, ...expected });
    expect(response).toMatchObject({
      messagingProduct: 'whatsapp',
      contacts: [{ input: CUSTOMER, waId: CUSTOMER }],
      messages: [{ id: logged?.messageId }],
    });
  });

  it('reacts to what the customer wrote and marks it read', async () => {
    const { id } = await running.simulator.customer.sendText(CUSTOMER, 'one more');

    const reaction = await client.messages.sendReaction({ ...to, reaction: { messageId: id, emoji: '👍' } });
    const read = await client.messages.markRead({ phoneNumberId: PNID, messageId: id });

    expect(reaction.messages[0]?.id).toMatch(/^wamid\./);
    expect(read).toEqual({ success: true });
    const logged = running.simulator.requests.list({ path: '/messages' });
    expect(logged.map((r) => r.body)).toEqual([
      expect.objectContaining({ type: 'reaction', reaction: { message_id: id, emoji: '👍' } }),
      expect.objectContaining({ status: 'read', message_id: id }),
    ]);
  });

  it('throws a GraphApiError with code 190 for a wrong token', async () => {
    const stranger = new WhatsAppClient({ accessToken: 'wrong', baseUrl: running.url, graphVersion: 'v24.0' });

    const failure = await stranger.messages.sendText({ ...to, body: 'hi' }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(GraphApiError);
    expect(failure).toMatchObject({ code: 190, httpStatus: 401 });
    expect((failure as GraphApiError).isAuthError()).toBe(true);
  });

  it('surfaces our invalid-parameter answer for a 21-character button title sent raw', async () => {
    // The typed helper refuses long titles itself; the raw interactive send is what reaches Meta unchecked.
    const failure = await client.messages
      .sendInteractiveRaw({
        ...to,
        interactive: {
          type: 'button',
          body: { text: 'Continue?' },
          action: { buttons: [{ type: 'reply', reply: { id: 'long', title: 'Twenty-one characters' } }] },
        },
      })
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(GraphApiError);
    expect(failure).toMatchObject({
      code: expect.toBeOneOf([100, 131009]),
      httpStatus: 400,
      details: expect.stringContaining("['buttons'][0]['reply']['title']"),
    });
  });
});

describe("Kapso's webhook helpers accept the simulator's customer", () => {
  let server: Server | undefined;
  afterEach(() => new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined))));

  it('verifies our signature and normalises a text, a button tap and the statuses of a reply', async () => {
    const verdicts: boolean[] = [];
    const events: ReturnType<typeof normalizeWebhook>[] = [];
    server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(Buffer.from(chunk));
      const rawBody = Buffer.concat(chunks);
      const signatureHeader = req.headers['x-hub-signature-256'];
      const ok = verifySignature({ appSecret: APP_SECRET, rawBody, signatureHeader: String(signatureHeader) });
      verdicts.push(ok);
      if (ok) events.push(normalizeWebhook(JSON.parse(rawBody.toString('utf8'))));
      res.writeHead(ok ? 200 : 401).end();
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    running.simulator.webhooks.setUrl(`http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`);

    const text = await running.simulator.customer.sendText(CUSTOMER, 'Olá 👋', { name: 'Zoë' });
    const tap = await running.simulator.customer.tapButton(CUSTOMER, 'yes', 'Yes');
    const reply = await client.messages.sendText({ ...to, body: 'Thanks!' });
    await running.simulator.idle();

    expect(verdicts).toEqual([true, true, true, true, true]);
    expect(events.map((e) => e.phoneNumberId)).toEqual([PNID, PNID, PNID, PNID, PNID]);
    expect(events.slice(0, 2).flatMap((e) => e.contacts.map((c) => [c.waId, c.profile?.name]))).toEqual([
      [CUSTOMER, 'Zoë'],
      [CUSTOMER, 'Zoë'],
    ]);
    expect(events.flatMap((e) => e.statuses)).toEqual(
      ['sent', 'delivered', 'read'].map((status) =>
        expect.objectContaining({ id: reply.messages[0]?.id, status, recipientId: CUSTOMER }),
      ),
    );
    expect(events.flatMap((e) => e.messages)).toEqual([
      expect.objectContaining({ id: text.id, from: CUSTOMER, type: 'text', text: { body: 'Olá 👋' } }),
      expect.objectContaining({
        id: tap.id,
        type: 'interactive',
        interactive: expect.objectContaining({ type: 'button_reply', buttonReply: { id: 'yes', title: 'Yes' } }),
      }),
    ]);
  });
});
