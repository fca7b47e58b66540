import { describe, expect, it } from 'vitest';
import { editableFixture, fixtureNames, readFixture } from '../../testing/fixtures.ts';
import { contactKeyOf } from '../identity.ts';
import { listWebhookEvents, readWebhook } from './events.ts';
import { parseWebhook } from './webhook.ts';

const webhookFixtures = fixtureNames(
  (name) => name.startsWith('webhook.') && !name.includes('signature') && !name.includes('verify'),
);

function parsed(name: string) {
  const result = parseWebhook(readFixture(name));
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.issues)}`);
  return result.value;
}

describe('parseWebhook contract', () => {
  it('has the fixtures to check', () => {
    expect(webhookFixtures.length).toBeGreaterThan(20);
  });

  it.each(webhookFixtures)('parses %s', (name) => {
    const result = parseWebhook(readFixture(name));
    expect(result.ok ? [] : result.issues).toEqual([]);
    if (result.ok) expect(listWebhookEvents(result.value).length).toBeGreaterThan(0);
  });

  it('walks every entry, change, message and status of a batched POST', () => {
    const events = listWebhookEvents(parsed('webhook.batched-multi.json'));
    const raw = editableFixture('webhook.batched-multi.json');
    let expected = 0;
    for (const entry of raw.entry) {
      for (const change of entry.changes) {
        expected += (change.value.messages?.length ?? 0) + (change.value.statuses?.length ?? 0);
      }
    }
    expect(expected).toBeGreaterThan(2);
    expect(events.length).toBe(expected);
  });

  it('keeps unknown message types and unknown fields', () => {
    const body = editableFixture('webhook.inbound-text.json');
    const message = body.entry[0]?.changes[0]?.value.messages[0];
    if (!message) throw new Error('fixture shape changed');
    message.type = 'hologram';
    message.hologram = { frames: 3 };
    message.brand_new_field = true;
    const events = listWebhookEvents(parsed2(body));
    const first = events[0];
    expect(first?.kind).toBe('message');
    if (first?.kind === 'message') {
      expect(first.message.type).toBe('hologram');
      expect(first.message.hologram).toEqual({ frames: 3 });
      expect(first.message.brand_new_field).toBe(true);
    }
  });

  it.each([
    [
      'nfm_reply',
      {
        type: 'interactive',
        interactive: { type: 'nfm_reply', nfm_reply: { name: 'flow', body: 'Sent', response_json: '{"a":1}' } },
      },
    ],
    [
      'order',
      {
        type: 'order',
        order: {
          catalog_id: 'c1',
          product_items: [{ product_retailer_id: 'p1', quantity: 2, item_price: 9.5, currency: 'EUR' }],
        },
      },
    ],
    [
      'contacts',
      {
        type: 'contacts',
        contacts: [{ name: { formatted_name: 'Ana' }, phones: [{ phone: '+49 30 1234', wa_id: '49301234' }] }],
      },
    ],
    ['system', { type: 'system', system: { body: 'User A changed', type: 'user_changed_user_id', user_id: 'US.99' } }],
    ['request_welcome', { type: 'request_welcome' }],
    ['reaction removed', { type: 'reaction', reaction: { message_id: 'wamid.X' } }],
  ])('parses an inbound %s message', (_label, body) => {
    const payload = editableFixture('webhook.inbound-text.json');
    const message = payload.entry[0].changes[0].value.messages[0];
    delete message.text;
    Object.assign(message, body);
    const events = listWebhookEvents(parsed2(payload));
    expect(events[0]?.kind === 'message' && events[0].message.type).toBe(body.type);
  });

  it('keeps a known message body of the wrong shape as a message nobody can read, naming the rule', () => {
    const payload = editableFixture('webhook.inbound-text.json');
    payload.entry[0].changes[0].value.messages[0].location = { latitude: 'north' };
    const event = listWebhookEvents(parsed2(payload))[0];
    expect(event?.kind === 'message' && event.message.parse_error).toMatch(/^location\.latitude: /);
    expect(event?.kind === 'message' && event.message.text).toBeUndefined();
  });

  it('keeps a change of a field it does not know as "other"', () => {
    const events = listWebhookEvents(
      parsed2({
        object: 'whatsapp_business_account',
        entry: [{ id: '1', changes: [{ field: 'standby', value: { x: 1 } }] }],
      }),
    );
    expect(events).toEqual([{ kind: 'other', wabaId: '1', field: 'standby', value: { x: 1 } }]);
  });

  it('rejects a malformed known field and names where', () => {
    const body = editableFixture('webhook.inbound-text.json');
    const change = body.entry[0]?.changes[0];
    if (change) change.value.messaging_product = 'sms';
    const result = parseWebhook(body);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.path).toBe('entry.0.changes.0.value.messaging_product');
  });

  it('keeps the messages of an update that comes without metadata', () => {
    const body = editableFixture('webhook.inbound-text.json');
    const change = body.entry[0]?.changes[0];
    if (change) delete change.value.metadata;
    const read = readWebhook(body);
    expect(read.ok).toBe(true);
    if (read.ok) {
      expect(read.events.map((e) => e.kind)).toEqual(['message']);
      expect(read.issues).toEqual([]);
    }
  });

  it('reads a batch whose known field is broken into events, keeping that field as other with its place', () => {
    const body = editableFixture('webhook.inbound-text.json');
    const good = body.entry[0]?.changes[0];
    if (good) body.entry[0]?.changes.push({ field: 'messages', value: { ...good.value, messaging_product: 'sms' } });
    const read = readWebhook(body);
    expect(read.ok).toBe(true);
    if (read.ok) {
      expect(read.events.map((e) => e.kind)).toEqual(['message', 'other']);
      expect(read.issues).toEqual([{ path: 'entry.0.changes.1.value', message: 'the messages value is not readable' }]);
    }
    expect(readWebhook({ object: 'whatsapp_business_account' }).ok).toBe(false);
  });

  it.each([
    ['webhook.inbound-username-user-no-phone.json', 'US.13491208655302741918', undefined],
    ['webhook.inbound-text.json', 'US.13491208655302741918', '16505551234'],
  ])('keys the customer of %s by BSUID first', (name, key, phone) => {
    const event = listWebhookEvents(parsed(name))[0];
    if (event?.kind !== 'message') throw new Error('expected a message');
    expect(contactKeyOf(event.message)).toBe(key);
    expect(event.message.from || undefined).toBe(phone);
  });

  it('reads the status shapes: v23 with conversation, v24 without, BSUID recipient, failed with errors', () => {
    const status = (name: string) => {
      const event = listWebhookEvents(parsed(name))[0];
      if (event?.kind !== 'status') throw new Error(`${name}: expected a status`);
      return event.status;
    };
    expect(status('webhook.status-sent-v23.json').conversation?.id).toBeTruthy();
    expect(status('webhook.status-delivered-v24.json').conversation).toBeUndefined();
    expect(status('webhook.status-delivered-to-bsuid.json').recipient_user_id).toBe('US.13491208655302741918');
    expect(status('webhook.status-failed-131047.json').errors?.[0]?.code).toBe(131047);
    expect(status('webhook.status-played-voice.json').status).toBe('played');
  });
});

function parsed2(body: unknown) {
  const result = parseWebhook(body);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}
