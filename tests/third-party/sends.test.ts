import { bsuidForPhone, type RunningSimulator, startSimulator } from '@parley/whatsapp/simulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WhatsAppAPI } from 'whatsapp-api-js';
import {
  ActionButtons,
  ActionCTA,
  ActionList,
  Body,
  BodyComponent,
  BodyParameter,
  Button,
  Image,
  Interactive,
  ListSection,
  Location,
  Reaction,
  Row,
  Template,
  Text,
} from 'whatsapp-api-js/messages';
import { fetchVia } from './graph-fetch.ts';
import { TEMPLATES } from './templates.ts';

const TOKEN = 'third-party-token';
const PNID = '106540352242922';
const CUSTOMER = '16505551234';
/** The library's types ask for the BSUID beside the phone, as a bot that read it from a webhook has both. */
const RECIPIENT = { phone: CUSTOMER, bsuid: bsuidForPhone(CUSTOMER) };

let running: RunningSimulator;
let api: WhatsAppAPI;
/** What whatsapp-api-js reported through its own `on.sent` hook: the wamid it parsed from our answer. */
let sentIds: string[];

beforeEach(async () => {
  running = await startSimulator({
    port: 0,
    accessTokens: [TOKEN],
    phoneNumberId: PNID,
    templates: TEMPLATES,
    statusDelayMs: 0,
  });
  sentIds = [];
  api = new WhatsAppAPI({ token: TOKEN, secure: false, v: 'v24.0', ponyfill: { fetch: fetchVia(running.url) } });
  api.on.sent = ({ id }) => {
    if (id !== undefined) sentIds.push(id);
  };
  // The customer writes first, so free-form replies are inside the 24-hour window.
  await running.simulator.customer.sendText(CUSTOMER, 'hi');
});

afterEach(() => running.close());

/** Each message as whatsapp-api-js builds it, and the part of the body the simulator must have seen. */
const messages = {
  text: () => new Text('Hello from a third-party client'),
  buttons: () =>
    new Interactive(new ActionButtons(new Button('yes', 'Yes'), new Button('no', 'No')), new Body('Continue?')),
  list: () =>
    new Interactive(
      new ActionList('Choose', new ListSection('Sizes', new Row('s', 'Small'), new Row('l', 'Large', 'Family size'))),
      new Body('Pick a size'),
    ),
  cta_url: () => new Interactive(new ActionCTA('Open site', 'https://example.com/menu'), new Body('Our menu')),
  image_link: () => new Image('https://example.com/cat.jpg', false, 'A cat'),
  location: () => new Location(-122.425332, 37.758056, 'Office', '1 Hacker Way'),
  template_positional: () =>
    new Template('order_shipped', 'en_US', new BodyComponent(new BodyParameter('Ana'), new BodyParameter('2 mugs'))),
  template_named: () =>
    new Template(
      'reservation_confirmation',
      'en_US',
      new BodyComponent(new BodyParameter('4', 'number_of_guests'), new BodyParameter('Friday', 'day')),
    ),
} as const;

const expectedBody: Record<keyof typeof messages, Record<string, unknown>> = {
  text: { type: 'text', text: { body: 'Hello from a third-party client' } },
  buttons: { type: 'interactive', interactive: expect.objectContaining({ type: 'button' }) },
  list: { type: 'interactive', interactive: expect.objectContaining({ type: 'list' }) },
  cta_url: { type: 'interactive', interactive: expect.objectContaining({ type: 'cta_url' }) },
  image_link: { type: 'image', image: { link: 'https://example.com/cat.jpg', caption: 'A cat' } },
  location: { type: 'location', location: expect.objectContaining({ latitude: 37.758056, name: 'Office' }) },
  template_positional: { type: 'template', template: expect.objectContaining({ name: 'order_shipped' }) },
  template_named: {
    type: 'template',
    template: expect.objectContaining({
      components: [
        {
          type: 'body',
          parameters: [
            { type: 'text', text: '4', parameter_name: 'number_of_guests' },
            { type: 'text', text: 'Friday', parameter_name: 'day' },
          ],
        },
      ],
    }),
  },
};

describe('whatsapp-api-js against the simulator, unchanged', () => {
  it.each(Object.keys(messages) as (keyof typeof messages)[])('sends %s and parses the wamid', async (kind) => {
    const response = await api.sendMessage(PNID, RECIPIENT, messages[kind]());

    expect(response, JSON.stringify(response)).not.toHaveProperty('error');
    // Addressed by BSUID (beside the phone), Meta answers with the user_id (reference §1.2).
    expect(response).toMatchObject({
      messaging_product: 'whatsapp',
      contacts: [{ input: RECIPIENT.bsuid, user_id: RECIPIENT.bsuid }],
    });
    const [logged] = running.simulator.requests.list({ method: 'POST', path: '/messages' });
    expect(logged?.status).toBe(200);
    expect(logged?.body).toMatchObject({ messaging_product: 'whatsapp', to: CUSTOMER, ...expectedBody[kind] });
    expect(sentIds).toEqual([logged?.messageId]);
    expect(running.simulator.customer.received(CUSTOMER).map((m) => m.id)).toEqual(sentIds);
  });

  it('addresses by phone alone with the older string form and gets the wa_id back', async () => {
    const response = await api.sendMessage(PNID, CUSTOMER, new Text('by phone'));

    expect(response).toMatchObject({ contacts: [{ input: CUSTOMER, wa_id: CUSTOMER }] });
    expect(running.simulator.requests.list({ path: '/messages' })[0]?.body).not.toHaveProperty('recipient');
    expect(sentIds).toHaveLength(1);
  });

  it('reacts to the customer message and marks it read', async () => {
    const customerMessage = await running.simulator.customer.sendText(CUSTOMER, 'one more');

    const reaction = await api.sendMessage(PNID, RECIPIENT, new Reaction(customerMessage.id, '👍'));
    const read = await api.markAsRead(PNID, customerMessage.id);

    expect(reaction).toMatchObject({ messages: [{ id: expect.stringMatching(/^wamid\./) }] });
    expect(read).toEqual({ success: true });
    const logged = running.simulator.requests.list({ path: '/messages' });
    expect(logged.map((r) => r.status)).toEqual([200, 200]);
    expect(logged[0]?.body).toMatchObject({
      type: 'reaction',
      reaction: { message_id: customerMessage.id, emoji: '👍' },
    });
    expect(logged[1]?.body).toMatchObject({ status: 'read', message_id: customerMessage.id });
  });
});

describe('whatsapp-api-js sees Graph errors the way Meta answers them', () => {
  it('a wrong token is refused with 190', async () => {
    const stranger = new WhatsAppAPI({
      token: 'not-the-token',
      secure: false,
      v: 'v24.0',
      ponyfill: { fetch: fetchVia(running.url) },
    });

    const response = await stranger.sendMessage(PNID, RECIPIENT, new Text('hi'));

    expect(response).toMatchObject({ error: { code: 190, type: 'OAuthException' } });
    expect(running.simulator.requests.list({ path: '/messages' })[0]?.status).toBe(401);
  });

  it('a 21-character button title comes back as an invalid parameter naming the field', async () => {
    // The library refuses long titles itself; a client without that check would send
    // it as is, so the title is lengthened after construction to reach the simulator.
    const button = new Button('long', 'Twenty characters ok');
    button.reply.title = 'Twenty-one characters';
    const response = await api.sendMessage(
      PNID,
      RECIPIENT,
      new Interactive(new ActionButtons(button), new Body('Continue?')),
    );

    expect(response).toMatchObject({
      error: {
        code: expect.toBeOneOf([100, 131009]),
        error_data: { details: expect.stringContaining("['buttons'][0]['reply']['title']") },
      },
    });
    expect(sentIds).toEqual([]);
    expect(running.simulator.requests.list({ path: '/messages' })[0]?.status).toBe(400);
  });
});
