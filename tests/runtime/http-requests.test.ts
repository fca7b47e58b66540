import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RuntimeUnderTest, readFixture, startRuntimeUnderTest, textOf, waitFor } from './runtime-under-test.ts';

let rt: RuntimeUnderTest;
let shop: Server;
const seen: { url: string; authorization: string | undefined }[] = [];

beforeEach(async () => {
  seen.length = 0;
  // The business system a flow calls: real HTTP on 127.0.0.1.
  shop = createServer((request, response) => {
    seen.push({ url: request.url ?? '', authorization: request.headers.authorization });
    if (request.url === '/orders/A-1001') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'on its way' }));
    } else {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
  const { port } = shop.address() as AddressInfo;
  rt = await startRuntimeUnderTest({}, { secrets: { SHOP_API_TOKEN: 'Bearer shop-key' } });
  const flow = JSON.parse(
    JSON.stringify(readFixture('order-lookup.json')).replace('SHOP_URL', `http://127.0.0.1:${port}`),
  );
  await rt.publish(flow);
});

afterEach(async () => {
  await rt.close();
  await new Promise((resolve) => shop.close(resolve));
});

describe('HTTP request nodes', () => {
  it('call the business system with the secret and use its answer', async () => {
    const phone = '15550303030';
    await rt.customer.sendText(phone, 'where is my order?');
    await waitFor('the question', () => rt.received(phone).some((b) => textOf(b).includes('order number')));
    await rt.customer.sendText(phone, 'A-1001');
    await waitFor('the answer', () =>
      rt.received(phone).some((b) => textOf(b).includes('Order A-1001 is on its way.')),
    );
    expect(seen).toEqual([{ url: '/orders/A-1001', authorization: 'Bearer shop-key' }]);
  });

  it('take the error path when the business system says no', async () => {
    const phone = '15550404040';
    await rt.customer.sendText(phone, 'hello');
    await waitFor('the question', () => rt.received(phone).some((b) => textOf(b).includes('order number')));
    await rt.customer.sendText(phone, 'B-2');
    await waitFor('the handoff', () => rt.received(phone).some((b) => textOf(b).includes('could not find that order')));
  });
});
