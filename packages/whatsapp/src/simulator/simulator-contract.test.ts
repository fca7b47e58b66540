import { describe, expect, it } from 'vitest';
import { GraphErrorEnvelope } from '../schemas/graph/error.ts';
import { SendSuccess } from '../schemas/graph/responses.ts';
import { editableFixture, fixtureNames, readFixture } from '../testing/fixtures.ts';
import { FIXTURE_TEMPLATES } from '../testing/seed-templates.ts';
import { createSimulator } from './create-simulator.ts';

const TOKEN = 'sim-access-token';
const PNID = '106540352242922';
const CUSTOMER = '16505551234';

function post(sim: ReturnType<typeof createSimulator>, body: unknown, path = `/v25.0/${PNID}/messages`, token = TOKEN) {
  return sim.app.request(path, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function errorOf(response: Response) {
  return GraphErrorEnvelope.parse(await response.json()).error;
}

/** A simulator whose customer just wrote, so the window is open and replies are free-form. */
async function openWindowSimulator() {
  const sim = createSimulator({ templates: FIXTURE_TEMPLATES, statusDelayMs: 0 });
  await sim.customer.sendText(CUSTOMER, 'hi');
  return sim;
}

describe('simulator accepts what Meta accepts', () => {
  const sends = fixtureNames((name) => name.startsWith('send-'));

  it.each(sends)('%s → 200 with a wamid', async (name) => {
    const sim = await openWindowSimulator();
    const response = await post(sim, readFixture(name));
    const body: unknown = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(200);
    const success = SendSuccess.parse(body);
    expect(success.messages[0]?.id).toMatch(/^wamid\.[A-Za-z0-9+/=]+$/);
    sim.close();
  });

  it('answers a BSUID send with the user_id and an empty wa_id', async () => {
    const sim = await openWindowSimulator();
    const body = SendSuccess.parse(await (await post(sim, readFixture('send-text-to-bsuid.request.json'))).json());
    expect(body.contacts[0]).toEqual({
      input: 'US.13491208655302741918',
      wa_id: '',
      user_id: 'US.13491208655302741918',
    });
    sim.close();
  });

  it.each(['mark-read.request.json', 'typing-indicator.request.json'])(
    '%s on a received message → success',
    async (name) => {
      const sim = createSimulator({ statusDelayMs: 0 });
      const inbound = await sim.customer.sendText(CUSTOMER, 'hello');
      const body = editableFixture(name);
      body.message_id = inbound.id;
      const response = await post(sim, body);
      expect(await response.json()).toEqual({ success: true });
      sim.close();
    },
  );

  it('accepts any v<N>.0 version and routes nothing else', async () => {
    const sim = await openWindowSimulator();
    expect((await post(sim, readFixture('send-text.request.json'), `/v21.0/${PNID}/messages`)).status).toBe(200);
    expect((await post(sim, readFixture('send-text.request.json'), `/v26.0/${PNID}/messages`)).status).toBe(200);
    const unversioned = await post(sim, readFixture('send-text.request.json'), `/v25/${PNID}/messages`);
    expect((await errorOf(unversioned)).code).toBe(2500);
    sim.close();
  });

  it('marks paced templates as held for quality assessment', async () => {
    const sim = createSimulator({
      templates: [
        {
          language: 'en_US',
          name: 'new_promo',
          category: 'MARKETING',
          components: [{ type: 'BODY', text: 'Hi' }],
          paced: true,
        },
      ],
    });
    const body = editableFixture('send-template-no-params.request.json');
    body.template.name = 'new_promo';
    const success = SendSuccess.parse(await (await post(sim, body)).json());
    expect(success.messages[0]?.message_status).toBe('held_for_quality_assessment');
    sim.close();
  });
});

describe('simulator rejects what Meta rejects, with Meta codes and HTTP statuses', () => {
  type Case = [
    label: string,
    build: () => unknown,
    code: number,
    http: number,
    options?: { path?: string; token?: string },
  ];
  const template =
    (edit: (b: ReturnType<typeof editableFixture>) => void, name = 'send-template-positional.request.json') =>
    () => {
      const body = editableFixture(name);
      edit(body);
      return body;
    };
  const cases: Case[] = [
    ['a missing token', () => readFixture('send-text.request.json'), 190, 401, { token: '' }],
    ['a wrong token', () => readFixture('send-text.request.json'), 190, 401, { token: 'stolen' }],
    ['another phone number id', () => readFixture('send-text.request.json'), 100, 400, { path: '/v25.0/999/messages' }],
    [
      'a button title over 20',
      template(
        (b) => (b.interactive.action.buttons[0].reply.title = 'x'.repeat(21)),
        'send-interactive-buttons.request.json',
      ),
      100,
      400,
    ],
    ['a missing text body', template((b) => delete b.text.body, 'send-text.request.json'), 131008, 400],
    [
      'media with both id and link',
      template((b) => (b.image.link = 'https://example.com/a.png'), 'send-image-by-id.request.json'),
      131009,
      400,
    ],
    ['an unknown template', template((b) => (b.template.name = 'no_such_template')), 132001, 404],
    ['a template in another language', template((b) => (b.template.language.code = 'de')), 132001, 404],
    ['too few body parameters', template((b) => b.template.components[1].parameters.pop()), 132000, 400],
    ['a missing URL button parameter', template((b) => b.template.components.pop()), 132000, 400],
    [
      'a text header parameter for an image header',
      template((b) => (b.template.components[0].parameters[0] = { type: 'text', text: 'x' })),
      132012,
      400,
    ],
    [
      'a body parameter with a newline (§0.1)',
      template((b) => (b.template.components[1].parameters[0].text = 'Pablo\nMorales')),
      132018,
      400,
    ],
    [
      'a blank body parameter (§0.1)',
      template((b) => (b.template.components[1].parameters[0].text = '  ')),
      131008,
      400,
    ],
    [
      'a named parameter that does not exist',
      template(
        (b) => (b.template.components[0].parameters[0].parameter_name = 'guests'),
        'send-template-named.request.json',
      ),
      132000,
      400,
    ],
    [
      'a paused template',
      template((b) => {
        b.template.name = 'weekly_promo';
        b.template.language.code = 'en';
        b.template.components = [{ type: 'body', parameters: [{ type: 'text', text: 'x' }] }];
      }),
      132015,
      400,
    ],
    [
      'a disabled template',
      template((b) => {
        b.template.name = 'old_promo';
        b.template.language.code = 'en';
        delete b.template.components;
      }),
      132016,
      400,
    ],
    [
      'a utility template on /marketing_messages',
      () => readFixture('send-template-no-params.request.json'),
      100,
      400,
      { path: `/v25.0/${PNID}/marketing_messages` },
    ],
  ];

  it.each(cases)('%s → %i (HTTP %i)', async (_label, build, code, http, options = {}) => {
    const sim = await openWindowSimulator();
    const response = await post(sim, build(), options.path, options.token ?? TOKEN);
    const error = await errorOf(response);
    expect(error.code).toBe(code);
    expect(response.status).toBe(http);
    expect(error.error_data?.details).toBeTruthy();
    expect(error.message).toContain(code === 190 ? 'access token' : `(#${code})`);
    sim.close();
  });

  it('routes MARKETING templates to /marketing_messages and refuses them on /messages when the WABA says so', async () => {
    const sim = createSimulator({ templates: FIXTURE_TEMPLATES, marketingDisabledOnMessages: true });
    const coupon = readFixture('send-template-copy-code.request.json');
    expect((await errorOf(await post(sim, coupon))).code).toBe(131063);
    expect((await post(sim, coupon, `/v25.0/${PNID}/marketing_messages`)).status).toBe(200);
    sim.close();
  });

  it('records every request, filterable by recipient', async () => {
    const sim = await openWindowSimulator();
    await post(sim, readFixture('send-text.request.json'));
    await post(sim, readFixture('send-text.request.json'), undefined, 'bad');
    const other = editableFixture('send-text.request.json');
    other.to = '+4915112345678';
    await post(sim, other);
    const mine = sim.requests.list({ recipient: '+1 650-555-1234' });
    expect(mine.map((r) => [r.status, r.errorCode])).toEqual([
      [200, undefined],
      [401, 190],
    ]);
    expect(sim.requests.list({ recipient: '4915112345678' })).toHaveLength(1);
    sim.close();
  });

  it('lets the customer see what the bot sent, in order', async () => {
    const sim = await openWindowSimulator();
    await post(sim, readFixture('send-text.request.json'));
    await post(sim, readFixture('send-interactive-buttons.request.json'));
    const received = sim.customer.received(CUSTOMER);
    expect(received.map((m) => Reflect.get(Object(m.payload), 'type'))).toEqual(['text', 'interactive']);
    sim.close();
  });
});
