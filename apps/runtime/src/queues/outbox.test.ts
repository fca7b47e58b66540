import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWebhook } from '@parley/whatsapp';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { type OpenDatabase, openDatabase } from '../db/open-database.ts';
import { messages, outbox } from '../db/schema.ts';
import { createMessageLog } from '../message-log/message-log.ts';
import { classifyError } from '../sender/graph-adapter.ts';
import { recordAccepted } from '../sender/record-accepted.ts';
import { recordWebhook } from '../webhooks/record-webhook.ts';
import { createStatusEvents } from '../webhooks/status-events.ts';
import { createOutbox, enqueueSend } from './outbox.ts';

const WAMID = 'wamid.race1';
const ANSWERED_AT = 1_800_000_000_000;
const queued = { type: 'text', text: { body: 'Your order shipped' } };
const template = { type: 'template', template: { name: 'order_update', language: { code: 'en_US' } } };
/** What the gates chose at send time: the window had closed, so the template fallback went. */
const sent = { payload: template, pricing: 'utility' as const, businessInitiated: true, wamid: WAMID };

const opened: { dir: string; database: OpenDatabase }[] = [];
afterEach(() => {
  for (const { dir, database } of opened.splice(0)) {
    database.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A real SQLite file holding one outbox row mid-send, as the sender leaves it before the HTTP call. */
function sendingRow() {
  const dir = mkdtempSync(join(tmpdir(), 'parley-race-'));
  const database = openDatabase(join(dir, 'parley.db'));
  opened.push({ dir, database });
  const { db } = database;
  const queue = createOutbox(db);
  enqueueSend(
    db,
    {
      key: 'out-1',
      contactKey: 'contact-1',
      payload: queued,
      window: 'session',
      pricing: 'service',
      fallback: { payload: template, pricing: 'utility' },
    },
    0,
  );
  const [row] = queue.due(0, 10);
  if (!row || !queue.claim(row.id)) throw new Error('the queued row could not be claimed');
  return { db, row, queue };
}

function statusWebhook(status: string) {
  const read = readWebhook({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'waba',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550000000', phone_number_id: 'pn' },
              statuses: [
                {
                  id: WAMID,
                  status,
                  timestamp: '1800000000',
                  recipient_id: '15551234567',
                  biz_opaque_callback_data: 'out-1',
                  pricing: { billable: true, pricing_model: 'PMP', type: 'regular', category: 'utility' },
                },
              ],
            },
          },
        ],
      },
    ],
  });
  if (!read.ok) throw new Error('the status webhook does not parse');
  return read.events;
}

/** Records the send's HTTP answer and its `sent` and `delivered` webhooks in the given order. */
function record(order: 'answer first' | 'webhooks first') {
  const { db, row, queue } = sendingRow();
  const messageLog = createMessageLog(db);
  const deps = { outbox: queue, messageLog, classify: classifyError, statusEvents: createStatusEvents(db) };
  const answer = () => db.transaction((tx) => recordAccepted(tx, deps, row, sent, ANSWERED_AT));
  const webhooks = (at: number) => {
    for (const status of ['sent', 'delivered']) {
      db.transaction((tx) => recordWebhook(tx, deps, statusWebhook(status), at));
    }
  };
  if (order === 'answer first') {
    answer();
    webhooks(ANSWERED_AT + 200);
  } else {
    webhooks(ANSWERED_AT - 200);
    answer();
  }
  return {
    row: db.select().from(outbox).where(eq(outbox.id, row.id)).get(),
    message: db.select().from(messages).where(eq(messages.wamid, WAMID)).get(),
    tier: queue.tierUsage('contact-1', ANSWERED_AT + 1000),
  };
}

describe('recording a send and its status webhooks', () => {
  for (const order of ['answer first', 'webhooks first'] as const) {
    it(`leaves the outbox row complete and counted against the tier (${order})`, () => {
      const { row, message, tier } = record(order);
      expect(row).toMatchObject({
        state: 'sent',
        wamid: WAMID,
        businessInitiated: 1,
        payload: JSON.stringify(template),
        pricing: 'utility',
        sentAt: ANSWERED_AT,
        reconcileUntil: null,
        lastError: null,
      });
      expect(tier).toEqual({ used: 1, includesContact: true });
      expect(message).toMatchObject({ status: 'delivered', payload: JSON.stringify(template), outboxKey: 'out-1' });
      expect(JSON.parse(message?.pricing ?? 'null')).toMatchObject({ category: 'utility', billable: true });
    });
  }

  it('ends with the same outbox row whichever order they come in', () => {
    expect(record('webhooks first').row).toEqual(record('answer first').row);
  });
});
