import { describe, expect, it } from 'vitest';
import { editableFixture, fixtureNames, readFixture } from '../testing/fixtures.ts';
import { validateMarkRead, validateOutboundMessage } from './validate-outbound.ts';

type Json = Record<string, unknown>;
const sendFixtures = fixtureNames((name) => name.startsWith('send-'));

/** Applies `edit` to a copy of a valid fixture. */
function edited(name: string, edit: (body: ReturnType<typeof editableFixture>) => void): Json {
  const body = editableFixture(name);
  edit(body);
  return body;
}

describe('outbound validation contract', () => {
  it.each(sendFixtures)('accepts %s', (name) => {
    const result = validateOutboundMessage(readFixture(name));
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it.each(['mark-read.request.json', 'typing-indicator.request.json'])('accepts %s', (name) => {
    expect(validateMarkRead(readFixture(name)).ok).toBe(true);
  });

  it('defaults a missing type to text, as Meta does', () => {
    const result = validateOutboundMessage(edited('send-text.request.json', (b) => delete b.type));
    expect(result.ok && result.value.type).toBe('text');
  });
});

const longTitle = 'x'.repeat(21);
const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `r${i}`, title: `Row ${i}` }));

// Each violation → the Graph code Meta answers with and the field it names.
const violations: [string, Json, number, string][] = [
  [
    'messaging_product missing',
    edited('send-text.request.json', (b) => delete b.messaging_product),
    131008,
    'messaging_product',
  ],
  ['no recipient', edited('send-text.request.json', (b) => delete b.to), 131008, 'to'],
  ['bad phone', edited('send-text.request.json', (b) => (b.to = '12ab')), 131009, 'to'],
  ['phone too short', edited('send-text.request.json', (b) => (b.to = '+1234567')), 131009, 'to'],
  [
    'recipient not a BSUID',
    edited('send-text-to-bsuid.request.json', (b) => (b.recipient = '16505551234')),
    131009,
    'recipient',
  ],
  ['unknown message type', edited('send-text.request.json', (b) => (b.type = 'hologram')), 131051, 'type'],
  ['empty text', edited('send-text.request.json', (b) => (b.text.body = '')), 100, "text['body']"],
  ['text over 4096', edited('send-text.request.json', (b) => (b.text.body = 'a'.repeat(4097))), 100, "text['body']"],
  ['text body missing', edited('send-text.request.json', (b) => delete b.text.body), 131008, "text['body']"],
  [
    'callback data over 512',
    edited('send-text.request.json', (b) => (b.biz_opaque_callback_data = 'x'.repeat(513))),
    100,
    'biz_opaque_callback_data',
  ],
  [
    'media with id and link',
    edited('send-image-by-id.request.json', (b) => (b.image.link = 'https://example.com/a.png')),
    131009,
    "image['link']",
  ],
  ['media with neither', edited('send-image-by-id.request.json', (b) => delete b.image.id), 131008, "image['id']"],
  [
    'caption over 1024',
    edited('send-image-by-id.request.json', (b) => (b.image.caption = 'c'.repeat(1025))),
    100,
    "image['caption']",
  ],
  [
    'caption on audio',
    edited('send-audio-voice.request.json', (b) => (b.audio.caption = 'hi')),
    131009,
    "audio['caption']",
  ],
  [
    'caption on sticker',
    edited('send-sticker.request.json', (b) => (b.sticker.caption = 'hi')),
    131009,
    "sticker['caption']",
  ],
  [
    'link not http',
    edited('send-document-by-link.request.json', (b) => (b.document.link = 'ftp://x/y.pdf')),
    131009,
    "document['link']",
  ],
  [
    'latitude out of range',
    edited('send-location.request.json', (b) => (b.location.latitude = 91)),
    100,
    "location['latitude']",
  ],
  [
    'contact without formatted_name',
    edited('send-contacts.request.json', (b) => delete b.contacts[0].name.formatted_name),
    131008,
    "contacts[0]['name']['formatted_name']",
  ],
  ['no contacts', edited('send-contacts.request.json', (b) => (b.contacts = [])), 100, 'contacts'],
  [
    'two emoji reaction',
    edited('send-reaction.request.json', (b) => (b.reaction.emoji = '👍👍')),
    131009,
    "reaction['emoji']",
  ],
  [
    'four buttons',
    edited('send-interactive-buttons.request.json', (b) =>
      b.interactive.action.buttons.push({ type: 'reply', reply: { id: 'x', title: 'X' } }),
    ),
    100,
    "interactive['action']['buttons']",
  ],
  [
    'no buttons',
    edited('send-interactive-buttons.request.json', (b) => (b.interactive.action.buttons = [])),
    100,
    "interactive['action']['buttons']",
  ],
  [
    'button title over 20',
    edited('send-interactive-buttons.request.json', (b) => (b.interactive.action.buttons[0].reply.title = longTitle)),
    100,
    "interactive['action']['buttons'][0]['reply']['title']",
  ],
  [
    'button id with spaces',
    edited('send-interactive-buttons.request.json', (b) => (b.interactive.action.buttons[0].reply.id = ' a ')),
    131009,
    "interactive['action']['buttons'][0]['reply']['id']",
  ],
  [
    'duplicate button ids',
    edited('send-interactive-buttons.request.json', (b) => (b.interactive.action.buttons[1].reply.id = 'appt:confirm')),
    131009,
    "interactive['action']['buttons'][1]['reply']['id']",
  ],
  [
    'duplicate button titles',
    edited('send-interactive-buttons.request.json', (b) => (b.interactive.action.buttons[1].reply.title = 'Confirm')),
    131009,
    "interactive['action']['buttons'][1]['reply']['title']",
  ],
  [
    'body over 1024',
    edited('send-interactive-buttons.request.json', (b) => (b.interactive.body.text = 'b'.repeat(1025))),
    100,
    "interactive['body']['text']",
  ],
  [
    'footer over 60',
    edited('send-interactive-buttons.request.json', (b) => (b.interactive.footer.text = 'f'.repeat(61))),
    100,
    "interactive['footer']['text']",
  ],
  [
    'header text over 60',
    edited('send-interactive-buttons.request.json', (b) => (b.interactive.header.text = 'h'.repeat(61))),
    100,
    "interactive['header']['text']",
  ],
  [
    'list with 11 rows',
    edited(
      'send-interactive-list.request.json',
      (b) =>
        (b.interactive.action.sections = [
          { title: 'A', rows: rows(6) },
          { title: 'B', rows: rows(5).map((r) => ({ ...r, id: `b${r.id}` })) },
        ]),
    ),
    131009,
    "interactive['action']['sections']",
  ],
  [
    'list with 11 sections',
    edited(
      'send-interactive-list.request.json',
      (b) =>
        (b.interactive.action.sections = Array.from({ length: 11 }, (_, i) => ({
          title: `S${i}`,
          rows: [{ id: `r${i}`, title: 'R' }],
        }))),
    ),
    100,
    "interactive['action']['sections']",
  ],
  [
    'list row title over 24',
    edited(
      'send-interactive-list.request.json',
      (b) => (b.interactive.action.sections[0].rows[0].title = 't'.repeat(25)),
    ),
    100,
    "interactive['action']['sections'][0]['rows'][0]['title']",
  ],
  [
    'list row description over 72',
    edited(
      'send-interactive-list.request.json',
      (b) => (b.interactive.action.sections[0].rows[0].description = 'd'.repeat(73)),
    ),
    100,
    "interactive['action']['sections'][0]['rows'][0]['description']",
  ],
  [
    'list row id over 200',
    edited(
      'send-interactive-list.request.json',
      (b) => (b.interactive.action.sections[0].rows[0].id = 'i'.repeat(201)),
    ),
    100,
    "interactive['action']['sections'][0]['rows'][0]['id']",
  ],
  [
    'duplicate row ids across sections',
    edited('send-interactive-list.request.json', (b) => (b.interactive.action.sections[1].rows[0].id = 'ship:express')),
    131009,
    "interactive['action']['sections'][1]['rows'][0]['id']",
  ],
  [
    'section title missing with two sections',
    edited('send-interactive-list.request.json', (b) => delete b.interactive.action.sections[1].title),
    131008,
    "interactive['action']['sections'][1]['title']",
  ],
  [
    'list button over 20',
    edited('send-interactive-list.request.json', (b) => (b.interactive.action.button = longTitle)),
    100,
    "interactive['action']['button']",
  ],
  [
    'list with image header',
    edited('send-interactive-list.request.json', (b) => (b.interactive.header = { type: 'image', image: { id: '1' } })),
    100,
    "interactive['header']['type']",
  ],
  [
    'cta display text over 20',
    edited('send-interactive-cta-url.request.json', (b) => (b.interactive.action.parameters.display_text = longTitle)),
    100,
    "interactive['action']['parameters']['display_text']",
  ],
  [
    'cta url missing',
    edited('send-interactive-cta-url.request.json', (b) => delete b.interactive.action.parameters.url),
    131008,
    "interactive['action']['parameters']['url']",
  ],
  [
    'location request wrong action',
    edited('send-location-request.request.json', (b) => (b.interactive.action.name = 'cta_url')),
    100,
    "interactive['action']['name']",
  ],
  [
    'unknown interactive type',
    edited('send-interactive-buttons.request.json', (b) => (b.interactive.type = 'hologram')),
    100,
    "interactive['type']",
  ],
  [
    'template name with capitals',
    edited('send-template-no-params.request.json', (b) => (b.template.name = 'Hello')),
    131009,
    "template['name']",
  ],
  [
    'template without language',
    edited('send-template-no-params.request.json', (b) => delete b.template.language),
    131008,
    "template['language']",
  ],
  [
    'template currency amount 0',
    edited(
      'send-template-positional.request.json',
      (b) => (b.template.components[1].parameters[1].currency.amount_1000 = 0),
    ),
    100,
    "template['components'][1]['parameters'][1]['currency']['amount_1000']",
  ],
  [
    'template param mixes named and positional',
    edited('send-template-named.request.json', (b) => delete b.template.components[0].parameters[0].parameter_name),
    131009,
    "template['components']",
  ],
  [
    'template button sub_type unknown',
    edited('send-template-copy-code.request.json', (b) => (b.template.components[1].sub_type = 'teleport')),
    100,
    "template['components'][1]['sub_type']",
  ],
  [
    'coupon code over 15',
    edited(
      'send-template-copy-code.request.json',
      (b) => (b.template.components[1].parameters[0].coupon_code = 'C'.repeat(16)),
    ),
    100,
    "template['components'][1]['parameters'][0]['coupon_code']",
  ],
];

describe('outbound validation rejects what Meta rejects', () => {
  it.each(violations)('%s → %i naming %s', (_label, body, code, field) => {
    const result = validateOutboundMessage(body);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.issues[0]?.path).toBe(field);
    expect(result.error.error_data?.details).toContain(field);
    expect(result.status).toBe(400);
  });

  it('words a length issue in plain terms', () => {
    const result = validateOutboundMessage(violations.find(([label]) => label === 'button title over 20')?.[1]);
    expect(!result.ok && result.error.error_data?.details).toBe(
      "Param interactive['action']['buttons'][0]['reply']['title']: is 21 characters; WhatsApp allows at most 20",
    );
  });

  it.each(['mark-read.request.json'])('rejects %s without a message id (131008)', (name) => {
    const result = validateMarkRead(edited(name, (b) => delete b.message_id));
    expect(!result.ok && result.error.code).toBe(131008);
  });
});

describe('template text parameters follow §0.1 (132018 for format, 131008 for blank)', () => {
  const positional = (text: string) =>
    edited('send-template-positional.request.json', (b) => (b.template.components[1].parameters[0].text = text));
  const BODY_TEXT = "template['components'][1]['parameters'][0]['text']";
  const cases: [label: string, code: number, body: Json, field: string, says: string][] = [
    ['a newline', 132018, positional('a\nb'), BODY_TEXT, 'the body parameter {{1}} contains a newline'],
    ['a carriage return', 132018, positional('a\rb'), BODY_TEXT, 'the body parameter {{1}} contains a newline'],
    ['a tab', 132018, positional('a\tb'), BODY_TEXT, 'the body parameter {{1}} contains a tab'],
    [
      '5 consecutive spaces',
      132018,
      positional('a     b'),
      BODY_TEXT,
      'the body parameter {{1}} has 5 consecutive spaces',
    ],
    ['an empty value', 131008, positional(''), BODY_TEXT, 'the body parameter {{1}} is empty'],
    ['only whitespace', 131008, positional('   '), BODY_TEXT, 'the body parameter {{1}} is only whitespace'],
    [
      'a named parameter with a newline',
      132018,
      edited('send-template-named.request.json', (b) => (b.template.components[0].parameters[1].text = 'Sat\nSun')),
      "template['components'][0]['parameters'][1]['text']",
      'the body parameter {{day}} contains a newline',
    ],
    [
      'a header parameter with a tab',
      132018,
      edited('send-template-positional.request.json', (b) => {
        b.template.components[0].parameters[0] = { type: 'text', text: 'Hi\tthere' };
      }),
      "template['components'][0]['parameters'][0]['text']",
      'the header parameter {{1}} contains a tab',
    ],
    [
      'an empty URL button parameter',
      131008,
      edited('send-template-positional.request.json', (b) => (b.template.components[3].parameters[0].text = '')),
      "template['components'][3]['parameters'][0]['text']",
      'the url button parameter at index 1 is empty',
    ],
  ];

  it.each(cases)('refuses %s with %i, naming the parameter', (_label, code, body, field, says) => {
    const result = validateOutboundMessage(body);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect([result.error.code, result.status, result.issues[0]?.path]).toEqual([code, 400, field]);
    expect(result.error.error_data?.details).toContain(`Param ${field}: ${says}`);
  });

  it.each([
    ['4 consecutive spaces', 'a    b'],
    ['spaces around a word', ' Pablo '],
    ['non-ASCII text', 'Zoë 👋'],
  ])('accepts %s', (_label, text) => {
    expect(validateOutboundMessage(positional(text)).ok).toBe(true);
  });
});
