import { describe, expect, it } from 'vitest';
import { createSimulator } from './create-simulator.ts';

const TOKEN = 'sim-access-token';
const PNID = '106540352242922';
const CUSTOMER = '16505551234';

function post(sim: ReturnType<typeof createSimulator>, body: unknown, path = `/v25.0/${PNID}/messages`) {
  return sim.app.request(path, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

const reply = (text: string) => ({ messaging_product: 'whatsapp', to: CUSTOMER, type: 'text', text: { body: text } });

describe('a long-running simulator keeps only the most recent records', () => {
  it('caps the request log, webhook log and each customer’s messages at their configured sizes', async () => {
    const sim = createSimulator({
      statusDelayMs: 0,
      maxRecords: 3,
      maxWebhookRecords: 4,
      maxCustomerRecords: 2,
    });
    const inbound: string[] = [];
    for (const text of ['one', 'two', 'three']) inbound.push((await sim.customer.sendText(CUSTOMER, text)).id);
    const sent: string[] = [];
    for (const text of ['a', 'b', 'c', 'd']) {
      const body: { messages: { id: string }[] } = await (await post(sim, reply(text))).json();
      sent.push(body.messages[0]?.id ?? '');
    }
    await sim.idle();

    expect(sim.requests.list().map((r) => r.messageId)).toEqual(sent.slice(1));
    expect(sim.webhooks.log).toHaveLength(4);
    expect(sim.webhooks.log.map((d) => d.seq)).toEqual([...sim.webhooks.log.map((d) => d.seq)].sort((x, y) => x - y));
    expect(sim.customer.received(CUSTOMER).map((m) => m.id)).toEqual(sent.slice(2));
    // What the customer sent is capped too: the oldest can no longer be marked read, the newest can.
    const markRead = (id: string) => post(sim, { messaging_product: 'whatsapp', status: 'read', message_id: id });
    expect((await markRead(inbound[0] ?? '')).status).toBe(400);
    expect(await (await markRead(inbound[2] ?? '')).json()).toEqual({ success: true });
    sim.close();
  });

  it('keeps the newest media files and forgets the oldest', async () => {
    const sim = createSimulator({ statusDelayMs: 0, maxMedia: 2 });
    const ids: string[] = [];
    for (const caption of ['first', 'second', 'third']) {
      await sim.customer.sendMedia(CUSTOMER, { kind: 'image', caption });
      const last = sim.webhooks.log.at(-1)?.rawBody ?? '';
      ids.push(/"image":\{"id":"(\d+)"/.exec(last)?.[1] ?? '');
    }

    // Meta answers an unknown object id with 400 (code 100), not 404.
    const lookup = async (id: string) =>
      (await sim.app.request(`/v25.0/${id}`, { headers: { authorization: `Bearer ${TOKEN}` } })).status;
    expect(ids.every((id) => id !== '')).toBe(true);
    expect(await Promise.all(ids.map(lookup))).toEqual([400, 200, 200]);
    sim.close();
  });

  it('defaults to generous caps', () => {
    const sim = createSimulator();
    expect([
      sim.options.maxRecords,
      sim.options.maxWebhookRecords,
      sim.options.maxCustomerRecords,
      sim.options.maxMedia,
    ]).toEqual([100_000, 10_000, 1000, 1000]);
    sim.close();
  });
});
