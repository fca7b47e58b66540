import { afterEach, describe, expect, it } from 'vitest';
import { type SimulatorHarness, sendBody, startSimulatorHarness } from '../testing/simulator-harness.ts';
import type { CustomerEvent } from './state/customers.ts';

const CUSTOMER = '16505551234';
const NEW_PHONE = '16505559999';
const harnesses: SimulatorHarness[] = [];
afterEach(async () => {
  for (const harness of harnesses.splice(0)) await harness.close();
});

async function setup() {
  const h = await startSimulatorHarness({ clock: { now: () => Date.UTC(2026, 10, 1, 9) } });
  harnesses.push(h);
  await h.sim.customer.sendText(CUSTOMER, 'hi', { name: 'Pablo' });
  return h;
}

const text = (to: string) => sendBody('send-text.request.json', to);
const marketing = (to = CUSTOMER) => sendBody('send-template-copy-code.request.json', to);
const utility = (to = CUSTOMER) => sendBody('send-template-no-params.request.json', to);

/** The value of every `user_preferences` webhook received, as the inbound schema reads it. */
function preferencesOf(h: SimulatorHarness) {
  return h.events().flatMap((e) => (e.kind === 'user_preferences' ? [e.value] : []));
}

/** The `system` messages received, as the inbound schema reads them. */
function systemMessages(h: SimulatorHarness) {
  return h.events().flatMap((e) => (e.kind === 'message' && e.message.type === 'system' ? [e.message] : []));
}

describe('marketing stop and resume', () => {
  it('posts a user_preferences webhook for each, as Meta does', async () => {
    const h = await setup();
    await h.sim.customer.setMarketingPreference(CUSTOMER, 'stop');
    await h.sim.customer.setMarketingPreference(CUSTOMER, 'resume');
    const values = preferencesOf(h);
    expect(values.map((v) => v.user_preferences[0])).toEqual([
      expect.objectContaining({ wa_id: CUSTOMER, category: 'marketing_messages', value: 'stop' }),
      expect.objectContaining({ wa_id: CUSTOMER, category: 'marketing_messages', value: 'resume' }),
    ]);
    expect(values[0]?.metadata?.phone_number_id).toBe('106540352242922');
    expect(h.receiver.received.every((w) => w.valid)).toBe(true);
  });

  it('fails marketing templates late with 131050 while stopped, delivers other sends, and delivers again after resume', async () => {
    const h = await setup();
    await h.sim.customer.setMarketingPreference(CUSTOMER, 'stop');
    const stopped = await h.send(marketing());
    const receipt = await h.send(utility());
    const reply = await h.send(text(CUSTOMER));
    await h.sim.customer.setMarketingPreference(CUSTOMER, 'resume');
    const resumed = await h.send(marketing());
    await h.sim.idle();
    expect(stopped.status).toBe(200);
    expect(h.statusesOf(stopped.wamid).map((s) => [s.status, s.errors?.[0]?.code])).toEqual([['failed', 131050]]);
    for (const delivered of [receipt, reply, resumed]) {
      expect(h.statusesOf(delivered.wamid).map((s) => s.status)).toEqual(['sent', 'delivered', 'read']);
    }
    expect(h.sim.customer.received(CUSTOMER).map((m) => m.id)).toEqual([receipt.wamid, reply.wamid, resumed.wamid]);
  });

  it('works over /_sim and refuses a value Meta does not send', async () => {
    const h = await setup();
    const path = `/_sim/customers/+${CUSTOMER}/marketing-preference`;
    const answer = await h.call('POST', path, { value: 'stop' });
    expect(await answer.json()).toMatchObject({
      customer: CUSTOMER,
      value: 'stop',
      delivery: { outcome: 'delivered' },
    });
    expect((await h.call('POST', path, { value: 'pause' })).status).toBe(400);
    const listed: { key: string; marketingStopped: boolean }[] = await (await h.call('GET', '/_sim/customers')).json();
    expect(listed.find((c) => c.key === CUSTOMER)?.marketingStopped).toBe(true);
  });
});

describe('a customer who changes phone number', () => {
  it('is announced by a customer_changed_number system message from the old number', async () => {
    const h = await setup();
    const change = await h.sim.customer.changeNumber(CUSTOMER, '+1 650 555 9999');
    if (!change.ok) throw new Error(change.error);
    const [notice] = systemMessages(h);
    expect(notice?.from).toBe(CUSTOMER);
    expect(notice?.id).toBe(change.id);
    expect(notice?.system).toEqual({
      body: 'Pablo changed from +16505551234 to +16505559999',
      type: 'customer_changed_number',
      wa_id: NEW_PHONE,
      user_id: change.customer.userId,
    });
    expect(change.customer.userId).not.toBe(change.previous.userId);
    expect(change.customer.key).toBe(NEW_PHONE);
  });

  it('writes from the new number afterwards, and sends to it work with the window and history kept', async () => {
    const h = await setup();
    const earlier = await h.send(text(CUSTOMER));
    await h.sim.idle();
    const change = await h.sim.customer.changeNumber(CUSTOMER, NEW_PHONE);
    if (!change.ok) throw new Error(change.error);
    await h.sim.customer.sendText(NEW_PHONE, 'new phone, who dis');
    const later = await h.send(text(NEW_PHONE));
    await h.sim.idle();
    const last = h.events().findLast((e) => e.kind === 'message');
    expect(last?.kind === 'message' && [last.message.from, last.message.from_user_id]).toEqual([
      NEW_PHONE,
      change.customer.userId,
    ]);
    expect(h.statusesOf(later.wamid).map((s) => [s.status, s.recipient_id])).toEqual([
      ['sent', NEW_PHONE],
      ['delivered', NEW_PHONE],
      ['read', NEW_PHONE],
    ]);
    expect(h.sim.customer.received(NEW_PHONE).map((m) => m.id)).toEqual([earlier.wamid, later.wamid]);
  });

  it('leaves the old number and BSUID to nobody: sends to them fail late with 131026 until someone writes from it', async () => {
    const h = await setup();
    const change = await h.sim.customer.changeNumber(CUSTOMER, NEW_PHONE);
    if (!change.ok) throw new Error(change.error);
    const toOldPhone = await h.send(utility(CUSTOMER));
    const toOldBsuid = await h.send(utility(change.previous.userId));
    await h.sim.idle();
    expect(h.statusesOf(toOldPhone.wamid)[0]?.errors?.[0]?.code).toBe(131026);
    expect(h.statusesOf(toOldBsuid.wamid)[0]?.errors?.[0]?.code).toBe(131026);
    await h.sim.customer.sendText(CUSTOMER, 'I got this number last week');
    const toNewOwner = await h.send(text(CUSTOMER));
    await h.sim.idle();
    expect(h.statusesOf(toNewOwner.wamid)[0]?.status).toBe('sent');
  });

  it('keeps listeners subscribed before the change', async () => {
    const h = await setup();
    const seen: CustomerEvent['type'][] = [];
    h.sim.customer.subscribe(CUSTOMER, (event) => seen.push(event.type));
    await h.sim.customer.changeNumber(CUSTOMER, NEW_PHONE);
    await h.send(text(NEW_PHONE));
    await h.sim.idle();
    expect(seen[0]).toBe('message');
  });

  it('is refused when another customer has that number', async () => {
    const h = await setup();
    await h.sim.customer.sendText(NEW_PHONE, 'I am here already');
    const change = await h.sim.customer.changeNumber(CUSTOMER, NEW_PHONE);
    expect(change).toMatchObject({ ok: false, taken: true });
    expect(systemMessages(h)).toEqual([]);
  });

  it.each([
    [{ newPhone: NEW_PHONE }, 200],
    [{ newPhone: 'twelve' }, 400],
    [{ newPhone: NEW_PHONE, newUserId: 'not a bsuid' }, 400],
    [{}, 400],
  ])('POST /_sim/customers/:id/change-number %j → %i', async (body, status) => {
    const h = await setup();
    const response = await h.call('POST', `/_sim/customers/${CUSTOMER}/change-number`, body);
    expect(response.status).toBe(status);
    if (status === 200) {
      expect(await response.json()).toMatchObject({
        previous: { phone: CUSTOMER },
        customer: { key: NEW_PHONE, phone: NEW_PHONE },
        delivery: { outcome: 'delivered' },
      });
    }
  });

  it('answers 409 over /_sim when the number is taken', async () => {
    const h = await setup();
    await h.sim.customer.sendText(NEW_PHONE, 'mine');
    const response = await h.call('POST', `/_sim/customers/${CUSTOMER}/change-number`, { newPhone: NEW_PHONE });
    expect(response.status).toBe(409);
  });
});

describe('a customer whose BSUID changes', () => {
  const NEW_BSUID = 'US.99887766554433221100';

  it('is announced by a user_changed_user_id system message, and later sends by BSUID use the new one', async () => {
    const h = await setup();
    const change = await h.sim.customer.changeUserId(CUSTOMER, NEW_BSUID);
    if (!change.ok) throw new Error(change.error);
    const [notice] = systemMessages(h);
    expect([notice?.from, notice?.from_user_id]).toEqual([CUSTOMER, change.previous.userId]);
    expect(notice?.system).toMatchObject({ type: 'user_changed_user_id', user_id: NEW_BSUID, wa_id: CUSTOMER });
    await h.sim.customer.sendText(CUSTOMER, 'still me');
    const byNew = await h.send(text(NEW_BSUID));
    const byOld = await h.send(text(change.previous.userId));
    await h.sim.idle();
    const last = h.events().findLast((e) => e.kind === 'message');
    expect(last?.kind === 'message' && last.message.from_user_id).toBe(NEW_BSUID);
    expect(h.statusesOf(byNew.wamid).map((s) => s.recipient_user_id)).toEqual([NEW_BSUID, NEW_BSUID, NEW_BSUID]);
    expect(h.statusesOf(byOld.wamid)[0]?.errors?.[0]?.code).toBe(131026);
  });

  it('gets a fresh BSUID when none is given, over /_sim too', async () => {
    const h = await setup();
    const before = h.sim.customer.received(CUSTOMER);
    const response = await h.call('POST', `/_sim/customers/${CUSTOMER}/change-user-id`, {});
    const body: { previous: { userId: string }; customer: { key: string; userId: string } } = await response.json();
    expect(body.customer.key).toBe(CUSTOMER);
    expect(body.customer.userId).toMatch(/^US\.\d+$/);
    expect(body.customer.userId).not.toBe(body.previous.userId);
    expect(h.sim.customer.received(CUSTOMER)).toEqual(before);
    expect((await h.call('POST', `/_sim/customers/${CUSTOMER}/change-user-id`, { newUserId: 'x' })).status).toBe(400);
  });

  it('can happen to a username customer with no phone', async () => {
    const h = await setup();
    await h.sim.customer.sendText('US.777000111', 'hello', { username: '@sheena' });
    const change = await h.sim.customer.changeUserId('US.777000111', NEW_BSUID);
    expect(change.ok && change.customer).toEqual({ key: NEW_BSUID, phone: undefined, userId: NEW_BSUID });
    const [notice] = systemMessages(h);
    expect([notice?.from, notice?.system?.wa_id]).toEqual([undefined, undefined]);
  });
});
