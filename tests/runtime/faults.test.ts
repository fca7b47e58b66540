import type { FaultSpec } from '@parley/whatsapp/simulator';
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

/** Waits for a bot message while moving time on, so backoffs and reconciliation windows pass without sleeping. */
async function untilReceived(phone: string, count: number) {
  await waitFor(`${count} messages to ${phone}`, async () => {
    if (rt.received(phone).length >= count) return true;
    await rt.advance(2_000);
    return undefined;
  });
}

describe('the sender when the Cloud API misbehaves', () => {
  it.each<[string, FaultSpec[]]>([
    ['5xx errors', [{ kind: 'error', code: 131000, httpStatus: 500, count: 3 }]],
    ['timeouts', [{ kind: 'timeout', count: 2 }]],
    ['throughput errors (130429)', [{ kind: 'error', code: 130429, httpStatus: 429, count: 3 }]],
    [
      'all of them at once',
      [
        { kind: 'error', code: 131000, httpStatus: 500, count: 1 },
        { kind: 'timeout', count: 1 },
        { kind: 'error', code: 130429, httpStatus: 429, count: 1 },
      ],
    ],
  ])('delivers every message exactly once through %s', async (_name, faults) => {
    for (const fault of faults) rt.simulator.faults.inject(fault);
    const phone = '15550008888';
    await rt.customer.sendText(phone, 'hi');
    await untilReceived(phone, 2);
    await rt.customer.tapButton(phone, 'test_ride', 'Book a test ride');
    await untilReceived(phone, 4);
    await rt.confirmed(phone, 4);
    // Past every backoff and reconciliation window: a wrongly resent message would show up now.
    await rt.advance(30_000);
    await rt.advance(30_000);

    const received = rt.received(phone);
    const keys = received.map((body) => body.biz_opaque_callback_data);
    expect(new Set(keys).size).toBe(keys.length);
    expect(received.map(textOf)).toEqual([
      expect.stringContaining('automated assistant'),
      expect.stringContaining('Welcome to Acme Bikes'),
      expect.stringContaining('Test rides are free'),
      expect.stringContaining('Thanks for chatting'),
    ]);
    expect(rt.simulator.faults.pending()).toEqual([]);
  });
});
