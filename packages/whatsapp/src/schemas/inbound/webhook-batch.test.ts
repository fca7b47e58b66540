import { describe, expect, it } from 'vitest';
import { listWebhookEvents } from './events.ts';
import { MessagesValue, parseWebhook } from './webhook.ts';

const PHONE = '16505551234';
const metadata = { display_phone_number: '15550783881', phone_number_id: '106540352242922' };

/** One POST as Meta batches it: good and broken messages, statuses and contacts, over two entries. */
function batch() {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata,
              contacts: [
                { profile: { name: 'Ana' }, wa_id: PHONE, user_id: 'US.1' },
                { profile: { name: 42 }, wa_id: '4930123456' },
              ],
              messages: [
                { from: PHONE, id: 'wamid.good1', timestamp: '1760000000', type: 'text', text: { body: 'hi' } },
                {
                  from: PHONE,
                  id: 'wamid.broken',
                  timestamp: '1760000001',
                  type: 'location',
                  location: { latitude: 'north', longitude: 13.4 },
                },
                { from: PHONE, timestamp: 1760000002, type: 'text', text: { body: 5 } },
                {
                  from: PHONE,
                  id: 'wamid.good2',
                  timestamp: '1760000003',
                  type: 'interactive',
                  interactive: { type: 'button_reply', button_reply: { id: 'yes', title: 'Yes' } },
                },
              ],
              statuses: [
                { id: 'wamid.out1', status: 'delivered', timestamp: '1760000004', recipient_id: PHONE },
                {
                  id: 'wamid.out2',
                  status: 'sent',
                  timestamp: '1760000005',
                  recipient_id: PHONE,
                  pricing: { billable: 'yes' },
                },
                { id: 'wamid.out3', status: 'read', timestamp: '1760000006', recipient_id: PHONE },
              ],
            },
          },
        ],
      },
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata,
              messages: [
                { from: '4930123456', id: 'wamid.good3', timestamp: '1760000007', type: 'text', text: { body: 'ok' } },
              ],
            },
          },
        ],
      },
    ],
  };
}

function parsedEvents(body: unknown) {
  const result = parseWebhook(body);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return listWebhookEvents(result.value);
}

describe('one malformed item does not cost the batch', () => {
  it('parses every good message and status around the broken ones, in order', () => {
    const events = parsedEvents(batch());

    expect(
      events.map((e) => (e.kind === 'message' ? e.message.id : e.kind === 'status' ? e.status.id : e.kind)),
    ).toEqual([
      'wamid.good1',
      'wamid.broken',
      expect.stringMatching(/^unparsed\.[0-9a-f]{32}$/),
      'wamid.good2',
      'wamid.out1',
      'wamid.out2',
      'wamid.out3',
      'wamid.good3',
    ]);
    const good = events[3];
    expect(good?.kind === 'message' && good.message.interactive?.button_reply).toEqual({ id: 'yes', title: 'Yes' });
    expect(good?.kind === 'message' && good.message.parse_error).toBeUndefined();
  });

  it('keeps a broken message as one nobody can read: identity, type, raw and the broken rule, no body', () => {
    const original = batch().entry[0]?.changes[0]?.value.messages[1];
    const event = parsedEvents(batch())[1];
    if (event?.kind !== 'message') throw new Error('expected a message');

    expect(event.message).toEqual({
      id: 'wamid.broken',
      from: PHONE,
      timestamp: '1760000001',
      type: 'location',
      raw: original,
      parse_error: expect.stringContaining('location.latitude: '),
    });
    expect(event.message.parse_error).toMatch(/expected number/);
    expect(event.contact?.profile?.name).toBe('Ana');
  });

  it('gives a message without an id the same content-derived id on every delivery', () => {
    const first = parsedEvents(batch())[2];
    const again = parsedEvents(batch())[2];
    if (first?.kind !== 'message' || again?.kind !== 'message') throw new Error('expected messages');

    expect(first.message.id).toBe(again.message.id);
    expect(first.message).toMatchObject({ from: PHONE, timestamp: '', type: 'text' });
    expect(first.message.text).toBeUndefined();
    expect(first.message.parse_error).toMatch(/id: .*; timestamp: .*; text\.body: /);
  });

  it('keeps a broken status with its id, status and recipient', () => {
    const event = parsedEvents(batch())[5];
    if (event?.kind !== 'status') throw new Error('expected a status');

    expect(event.status).toMatchObject({ id: 'wamid.out2', status: 'sent', recipient_id: PHONE });
    expect(event.status.pricing).toBeUndefined();
    expect(event.status.parse_error).toMatch(/^pricing\.billable: .*expected boolean/);
  });

  it('keeps a broken contact by its ids, and still matches it to its message', () => {
    const value = MessagesValue.parse(batch().entry[0]?.changes[0]?.value);

    expect(value.contacts?.[1]).toMatchObject({
      wa_id: '4930123456',
      parse_error: expect.stringMatching(/^profile\.name: /),
    });
    expect(value.messages).toHaveLength(4);
    expect(value.statuses).toHaveLength(3);
  });

  it('keeps a system error with an unreadable code as code 0', () => {
    const body = batch();
    const change = body.entry[1]?.changes[0];
    if (!change) throw new Error('batch shape changed');
    Object.assign(change.value, {
      errors: [
        { code: 'oops', title: 'x' },
        { code: 131000, title: 'Something went wrong' },
      ],
    });

    const errors = parsedEvents(body).filter((e) => e.kind === 'error');

    expect(errors.map((e) => e.kind === 'error' && e.error.code)).toEqual([0, 131000]);
    expect(errors[0]?.kind === 'error' && errors[0].error.parse_error).toMatch(/^code: /);
  });

  it.each([
    ['not an object', 'hello'],
    ['no entry list', { object: 'whatsapp_business_account', entry: 'x' }],
    [
      'a change without its field',
      { object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ value: {} }] }] },
    ],
  ])('still refuses a body that is not a webhook envelope: %s', (_label, body) => {
    expect(parseWebhook(body).ok).toBe(false);
  });
});
