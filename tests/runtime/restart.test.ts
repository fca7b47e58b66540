import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RuntimeUnderTest, readExample, startRuntimeUnderTest, textOf, waitFor } from './runtime-under-test.ts';

let rt: RuntimeUnderTest;

beforeEach(async () => {
  rt = await startRuntimeUnderTest();
  await rt.publish(readExample('welcome.json'));
});

afterEach(async () => {
  await rt.close();
});

const has = (phone: string, text: string) => () => rt.received(phone).some((body) => textOf(body).includes(text));

describe('a restart in the middle of a conversation', () => {
  it('loses nothing and sends nothing twice after a clean restart', async () => {
    const phone = '15550009999';
    await rt.customer.sendText(phone, 'hi');
    await rt.customer.tapButton(phone, 'find_bike', 'Find a bike');
    await waitFor('the name question', has(phone, 'first name'));
    await rt.restart();
    await rt.customer.sendText(phone, 'Maria');
    await waitFor('the budget question', has(phone, 'Thanks Maria'));
    const sent = rt.received(phone).map(textOf);
    expect(sent).toHaveLength(4);
    expect(new Set(sent).size).toBe(4);
    const { conversations } = await (await rt.api(`/contacts/${phone}/conversations`)).json();
    expect(conversations).toHaveLength(1);
  });

  it('reconciles a send cut off by a crash instead of resending it', async () => {
    const phone = '15550001234';
    // The next send is answered only after a while: the crash lands while it is in flight.
    rt.simulator.faults.inject({ kind: 'delay', delayMs: 400, count: 1 });
    await rt.customer.sendText(phone, 'hi');
    await waitFor('the send to be in flight', () => rt.simulator.requests.list().length > 0 || undefined);
    await rt.crashAndRestart();
    // The status webhook for the cut-off send reaches the new runtime (the simulator retries
    // deliveries) and confirms it; only then does the conversation go on, with no time moved.
    await rt.confirmed(phone, 2);
    // Long past the reconciliation window: a blind resend would show up now.
    await rt.advance(30_000);
    await rt.advance(30_000);
    const keys = rt.received(phone).map((body) => body.biz_opaque_callback_data);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(2);
  });

  it('fires a durable timer that was due while the runtime was down', async () => {
    const phone = '15550004321';
    await rt.customer.sendText(phone, 'hi');
    await waitFor('the greeting', has(phone, 'Welcome to Acme Bikes'));
    const before = await (await rt.api(`/contacts/${phone}/conversations`)).json();
    expect(before.conversations[0].status).toBe('waiting');
    await rt.restart();
    // The greeting waits 60 minutes for a reply; with no timeout path the conversation ends.
    await rt.advance(61 * 60_000);
    const ended = await waitFor('the timeout to end the conversation', async () => {
      const { conversations } = await (await rt.api(`/contacts/${phone}/conversations`)).json();
      return conversations[0].status === 'ended' ? conversations[0] : undefined;
    });
    expect(ended.endedReason).toBe('idle_timeout');
  });
});
