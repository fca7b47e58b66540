import { afterEach, describe, expect, it } from 'vitest';
import { type SimulatorHarness, sendBody, startSimulatorHarness } from '../testing/simulator-harness.ts';
import type { LateFailureSpec } from './late-failures.ts';
import { bsuidForPhone } from './state/customers.ts';

const CUSTOMER = '16505551234';
const OTHER = '4915112345678';
const HOUR = 60 * 60 * 1000;
const harnesses: SimulatorHarness[] = [];
afterEach(async () => {
  for (const harness of harnesses.splice(0)) await harness.close();
});

/** A harness whose customers just wrote, so their windows are open and replies are free-form. */
async function setup() {
  const h = await startSimulatorHarness({ clock: { now: () => Date.UTC(2026, 10, 1, 9) } });
  harnesses.push(h);
  h.sim.templates.add({
    name: 'login_code',
    language: 'en',
    category: 'AUTHENTICATION',
    components: [{ type: 'BODY', text: 'Your code is ready.' }],
  });
  for (const who of [CUSTOMER, OTHER]) await h.sim.customer.sendText(who, 'hi');
  return h;
}

const text = (to = CUSTOMER) => sendBody('send-text-reply-context.request.json', to);
const utility = (to = CUSTOMER) => sendBody('send-template-no-params.request.json', to);
const marketing = (to = CUSTOMER) => sendBody('send-template-copy-code.request.json', to);
const authentication = (to = CUSTOMER) =>
  sendBody('send-template-no-params.request.json', to, (b) => {
    b.template.name = 'login_code';
    b.template.language.code = 'en';
  });

describe('a late failure scheduled for one recipient', () => {
  it('answers 200 + wamid, keeps the message from the customer, then fails it by webhook with the code', async () => {
    const h = await setup();
    h.sim.faults.failLater(CUSTOMER, { code: 131026, details: 'Receiver is incapable of receiving this message' });
    const sent = await h.send(text());
    expect([sent.status, sent.wamid?.startsWith('wamid.')]).toEqual([200, true]);
    await h.sim.idle();
    const [failed, ...rest] = h.statusesOf(sent.wamid);
    expect(rest).toEqual([]);
    expect(failed?.status).toBe('failed');
    expect(failed?.errors?.[0]).toMatchObject({
      code: 131026,
      title: 'Message undeliverable',
      error_data: { details: 'Receiver is incapable of receiving this message' },
    });
    expect(failed?.biz_opaque_callback_data).toBe('flow=booking;node=n42');
    expect(failed?.pricing).toBeUndefined();
    expect(h.sim.customer.received(CUSTOMER)).toEqual([]);
  });

  it('fails only the next `count` matching sends, then delivers again', async () => {
    const h = await setup();
    h.sim.faults.failLater(CUSTOMER, { code: 131000, count: 2 });
    const wamids = [];
    for (let i = 0; i < 3; i++) wamids.push((await h.send(text())).wamid);
    await h.sim.idle();
    expect(wamids.map((id) => h.statusesOf(id).map((s) => s.status))).toEqual([
      ['failed'],
      ['failed'],
      ['sent', 'delivered', 'read'],
    ]);
    expect(h.sim.faults.lateFailures(CUSTOMER)).toEqual([]);
  });

  it('leaves other recipients alone', async () => {
    const h = await setup();
    h.sim.faults.failLater(CUSTOMER, { code: 131026 });
    const other = await h.send(text(OTHER));
    await h.sim.idle();
    expect(h.statusesOf(other.wamid).map((s) => s.status)).toEqual(['sent', 'delivered', 'read']);
    expect(h.sim.faults.lateFailures(`+${CUSTOMER}`)).toHaveLength(1);
  });

  type Build = (to?: string) => unknown;
  const table: [LateFailureSpec['match'], string, Build, boolean][] = [
    ['any', 'a text', text, true],
    ['any', 'a utility template', utility, true],
    ['session', 'a text', text, true],
    ['session', 'a utility template', utility, false],
    ['template', 'a text', text, false],
    ['template', 'a marketing template', marketing, true],
    ['marketing', 'a marketing template', marketing, true],
    ['marketing', 'a utility template', utility, false],
    ['utility', 'a utility template', utility, true],
    ['utility', 'an authentication template', authentication, false],
    ['authentication', 'an authentication template', authentication, true],
  ];
  it.each(table)('match %s applied to %s: fails = %s', async (match, _label, build, fails) => {
    const h = await setup();
    h.sim.faults.failLater(CUSTOMER, { code: 131053, match });
    const sent = await h.send(build());
    await h.sim.idle();
    expect(sent.status).toBe(200);
    expect(h.statusesOf(sent.wamid)[0]?.status).toBe(fails ? 'failed' : 'sent');
    expect(h.sim.faults.lateFailures(CUSTOMER)).toHaveLength(fails ? 0 : 1);
  });

  it('produces the per-user marketing limit (131049) for marketing only', async () => {
    const h = await setup();
    h.sim.faults.failLater(CUSTOMER, { code: 131049, match: 'marketing', count: 5 });
    const promo = await h.send(marketing());
    const receipt = await h.send(utility());
    await h.sim.idle();
    expect(h.statusesOf(promo.wamid)[0]?.errors?.[0]?.code).toBe(131049);
    expect(h.statusesOf(receipt.wamid)[0]?.status).toBe('sent');
  });

  it('is not used up by a send Meta refuses at once', async () => {
    const h = await setup();
    h.sim.faults.failLater(CUSTOMER, { code: 131026 });
    const refused = await h.send(
      sendBody('send-template-no-params.request.json', CUSTOMER, (b) => (b.template.name = 'nope')),
    );
    expect(refused.code).toBe(132001);
    expect(h.sim.faults.lateFailures(CUSTOMER)).toHaveLength(1);
  });

  it('wins over the closed window’s 131047', async () => {
    const h = await setup();
    h.sim.clock.advance(25 * HOUR);
    h.sim.faults.failLater(CUSTOMER, { code: 131026 });
    const sent = await h.send(text());
    await h.sim.idle();
    expect(h.statusesOf(sent.wamid)[0]?.errors?.[0]?.code).toBe(131026);
  });

  it('finds the customer by BSUID as well as by phone', async () => {
    const h = await setup();
    h.sim.faults.failLater(bsuidForPhone(CUSTOMER), { code: 131026 });
    const sent = await h.send(text(`+1 (650) 555-1234`));
    await h.sim.idle();
    expect(h.statusesOf(sent.wamid)[0]?.status).toBe('failed');
  });

  it('is cleared with the other faults, and refuses an identifier that is not one', async () => {
    const h = await setup();
    h.sim.faults.failLater(CUSTOMER, { code: 131026 });
    h.sim.faults.clear();
    expect(h.sim.faults.lateFailures(CUSTOMER)).toEqual([]);
    expect(() => h.sim.faults.failLater('not-a-number', { code: 131026 })).toThrow(
      /neither a phone number nor a BSUID/,
    );
  });
});

describe('late failures over /_sim', () => {
  it('schedules, lists and clears them per customer', async () => {
    const h = await setup();
    const created = await h.call('POST', `/_sim/customers/+${CUSTOMER}/late-failures`, {
      code: 131049,
      match: 'marketing',
      count: 2,
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({
      customer: CUSTOMER,
      pending: [{ code: 131049, match: 'marketing', count: 2 }],
    });
    const sent = await h.send(marketing());
    await h.call('POST', '/_sim/idle');
    expect(h.statusesOf(sent.wamid)[0]?.errors?.[0]?.code).toBe(131049);
    const listed = await (await h.call('GET', `/_sim/customers/${CUSTOMER}/late-failures`)).json();
    expect(listed).toEqual([{ code: 131049, match: 'marketing', count: 1 }]);
    expect((await h.call('DELETE', `/_sim/customers/${CUSTOMER}/late-failures`)).status).toBe(204);
    expect(await (await h.call('GET', `/_sim/customers/${CUSTOMER}/late-failures`)).json()).toEqual([]);
  });

  it.each([
    ['a missing code', { count: 1 }, 'code'],
    ['an unknown match', { code: 131026, match: 'promotions' }, 'match'],
    ['a zero count', { code: 131026, count: 0 }, 'count'],
  ])('refuses %s, naming the field', async (_label, body, field) => {
    const h = await setup();
    const response = await h.call('POST', `/_sim/customers/${CUSTOMER}/late-failures`, body);
    expect(response.status).toBe(400);
    const { issues }: { issues: { path: string }[] } = await response.json();
    expect(issues.map((i) => i.path)).toContain(field);
  });

  it('is cleared by DELETE /_sim/faults', async () => {
    const h = await setup();
    await h.call('POST', `/_sim/customers/${CUSTOMER}/late-failures`, { code: 131026 });
    await h.call('DELETE', '/_sim/faults');
    expect(await (await h.call('GET', `/_sim/customers/${CUSTOMER}/late-failures`)).json()).toEqual([]);
  });
});

describe('an immediate error fault for one recipient', () => {
  it('answers only that customer’s send with the error; others go through and it is used up once', async () => {
    const h = await setup();
    h.sim.faults.inject({ kind: 'error', code: 131026, recipient: '+1 650-555-1234' });
    expect((await h.send(text(OTHER))).status).toBe(200);
    expect(h.sim.faults.pending()).toHaveLength(1);
    expect(await h.send(text())).toMatchObject({ status: 400, code: 131026 });
    expect(await h.send(text())).toMatchObject({ status: 200 });
  });

  it('matches a BSUID fault against a send to the same customer’s phone, and back', async () => {
    const h = await setup();
    h.sim.faults.inject({ kind: 'error', code: 131000, recipient: bsuidForPhone(CUSTOMER) });
    h.sim.faults.inject({ kind: 'error', code: 131016, recipient: CUSTOMER });
    expect((await h.send(text())).code).toBe(131000);
    expect((await h.send(text(bsuidForPhone(CUSTOMER)))).code).toBe(131016);
  });

  it('can be injected over HTTP', async () => {
    const h = await setup();
    const injected = await h.call('POST', '/_sim/faults', { kind: 'error', code: 131000, recipient: OTHER });
    expect(injected.status).toBe(201);
    expect((await h.send(text())).status).toBe(200);
    expect((await h.send(text(OTHER))).code).toBe(131000);
  });
});
