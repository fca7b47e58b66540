import { readFileSync } from 'node:fs';
import { Flow, type FlowInput } from '@parley/flow-schema';
import { describe, expect, it } from 'vitest';
import { startSession } from '../start-session.ts';

// Request bodies from Meta's documentation (copied beside this test). The engine
// must produce them field for field, minus the addressing the runtime adds.
function fixture(name: string): Record<string, unknown> {
  const { messaging_product, recipient_type, to, ...body } = JSON.parse(
    readFileSync(new URL(`./fixtures/${name}.request.json`, import.meta.url), 'utf8'),
  );
  expect([messaging_product, recipient_type, to]).toEqual(['whatsapp', 'individual', '+16505551234']);
  return body;
}

type NodeInput = FlowInput['nodes'][number];

function firstSend(node: NodeInput) {
  const flow = Flow.parse({ schemaVersion: 1, id: 'f', name: 'f', nodes: [node], edges: [] });
  let id = 0;
  const { effects } = startSession({
    flow,
    flowVersion: 1,
    contact: { id: 'c', name: 'Pablo' },
    trigger: { start: node.id },
    input: { type: 'message', message: { kind: 'text', id: 'w', text: 'hi' } },
    ctx: { now: 0, newId: (p) => `${p}-${++id}` },
    variables: { guests: 4 },
  });
  return effects.find((e) => e.type === 'send');
}

const buttonsNode: NodeInput = {
  id: 'n',
  kind: 'buttons',
  header: { type: 'text', text: 'Appointment' },
  body: 'Your appointment is tomorrow at 09:00. What would you like to do?',
  footer: 'Reply STOP to opt out',
  buttons: [
    { id: 'appt:confirm', title: 'Confirm' },
    { id: 'appt:reschedule', title: 'Reschedule' },
    { id: 'handoff:human', title: 'Talk to a person' },
  ],
};

describe('send payloads match the Cloud API request bodies', () => {
  const cases: [string, NodeInput][] = [
    [
      'send-text',
      {
        id: 'n',
        kind: 'text',
        text: 'Hi {{contact_name}}! Your table for 2 is booked for 19:30. Menu: https://example.com/menu',
        previewUrl: true,
      },
    ],
    ['send-interactive-buttons', buttonsNode],
    [
      'send-interactive-buttons-image-header',
      {
        id: 'n',
        kind: 'buttons',
        header: { type: 'image', media: { mediaId: '1037543291543636' } },
        body: 'Is this the item you meant?',
        buttons: [
          { id: 'yes', title: 'Yes' },
          { id: 'no', title: 'No' },
        ],
      },
    ],
    [
      'send-interactive-list',
      {
        id: 'n',
        kind: 'list',
        header: 'Shipping options',
        body: 'How fast do you need it?',
        footer: 'Prices include VAT',
        buttonText: 'Choose option',
        sections: [
          {
            title: 'Fast',
            rows: [
              { id: 'ship:express', title: 'Express', description: 'Next business day, 9.90 EUR' },
              { id: 'ship:priority', title: 'Priority', description: '2 business days, 6.90 EUR' },
            ],
          },
          {
            title: 'Cheap',
            rows: [{ id: 'ship:standard', title: 'Standard', description: '3-5 business days, free' }],
          },
        ],
      },
    ],
    [
      'send-interactive-cta-url',
      {
        id: 'n',
        kind: 'cta_url',
        header: { type: 'text', text: 'Track your parcel' },
        body: 'Your parcel is on its way.',
        footer: 'Example Shop',
        displayText: 'Open tracking',
        url: 'https://example.com/track?o=1001',
      },
    ],
    [
      'send-location-request',
      { id: 'n', kind: 'location_request', body: 'Please share your location so we can find the nearest store.' },
    ],
    [
      'send-image-by-id',
      { id: 'n', kind: 'media', mediaType: 'image', media: { mediaId: '1037543291543636' }, caption: 'Your receipt' },
    ],
    [
      'send-document-by-link',
      {
        id: 'n',
        kind: 'media',
        mediaType: 'document',
        media: { link: 'https://example.com/files/invoice-1001.pdf' },
        filename: 'invoice-1001.pdf',
        caption: 'Invoice #1001',
      },
    ],
    [
      'send-audio-voice',
      { id: 'n', kind: 'media', mediaType: 'audio', media: { mediaId: '1958804418231890' }, voice: true },
    ],
  ];
  it.each(cases)('%s', (name, node) => {
    const send = firstSend(node);
    expect(send).toMatchObject({ window: 'session', pricing: 'service' });
    expect(send?.type === 'send' && send.payload).toEqual(fixture(name));
  });

  // Templates always name the language policy, which Meta's own examples sometimes leave out.
  const withPolicy = (body: Record<string, unknown>) => {
    const template = body.template;
    if (typeof template !== 'object' || template === null) throw new Error('not a template fixture');
    const language = Reflect.get(template, 'language');
    return { ...body, template: { ...template, language: { ...language, policy: 'deterministic' } } };
  };

  it('template with named parameters', () => {
    const send = firstSend({
      id: 'n',
      kind: 'template',
      template: {
        name: 'reservation_confirmation',
        language: 'en_US',
        category: 'utility',
        parameterFormat: 'named',
        bodyParameters: [
          { name: 'number_of_guests', value: '{{guests}}' },
          { name: 'day', value: 'Saturday' },
          { name: 'date', value: 'October 31, 2026' },
          { name: 'time', value: '7:30 pm' },
        ],
      },
    });
    expect(send).toMatchObject({ window: 'template', pricing: 'utility' });
    expect(send?.type === 'send' && send.payload).toEqual(withPolicy(fixture('send-template-named')));
  });

  it('template without parameters has no components', () => {
    const send = firstSend({
      id: 'n',
      kind: 'template',
      template: { name: 'hello_world', language: 'en_US', category: 'marketing' },
    });
    expect(send).toMatchObject({ window: 'template', pricing: 'marketing' });
    expect(send?.type === 'send' && send.payload).toEqual(withPolicy(fixture('send-template-no-params')));
  });

  it('template with a copy-code button (index sent as a string, which Meta accepts too)', () => {
    const send = firstSend({
      id: 'n',
      kind: 'template',
      template: {
        name: 'autumn_coupon',
        language: 'de',
        category: 'marketing',
        bodyParameters: [{ value: '25%' }],
        buttonParameters: [{ index: 0, subType: 'copy_code', value: 'HERBST25' }],
      },
    });
    const expected = withPolicy(fixture('send-template-copy-code'));
    const coupon = Reflect.get(expected.template, 'components')[1];
    Reflect.set(coupon, 'index', '0');
    expect(send?.type === 'send' && send.payload).toEqual(expected);
  });

  it('template quick replies carry their payloads', () => {
    const send = firstSend({
      id: 'n',
      kind: 'template',
      template: {
        name: 'order_shipped',
        language: 'en_US',
        category: 'utility',
        quickReplies: [{ index: 0, payload: 'order:1001:help', title: 'Get help' }],
      },
    });
    expect(send?.type === 'send' && send.payload.template).toMatchObject({
      components: [
        {
          type: 'button',
          sub_type: 'quick_reply',
          index: '0',
          parameters: [{ type: 'payload', payload: 'order:1001:help' }],
        },
      ],
    });
  });
});
