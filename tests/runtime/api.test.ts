import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RuntimeUnderTest, readExample, startRuntimeUnderTest, waitFor } from './runtime-under-test.ts';

let rt: RuntimeUnderTest;

beforeEach(async () => {
  rt = await startRuntimeUnderTest();
});

afterEach(async () => {
  await rt.close();
});

const json = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body) });

describe('the management API', () => {
  it('refuses to publish a broken flow, with its diagnostics', async () => {
    const broken = readExample('support-triage.broken.json');
    expect((await rt.api('/flows', json(broken))).status).toBe(201);
    const refused = await rt.api(`/flows/${String(broken.id)}/publish`, { method: 'POST' });
    expect(refused.status).toBe(422);
    const { error } = await refused.json();
    expect(error.code).toBe('publish.has_errors');
    expect(error.diagnostics.map((d: { code: string }) => d.code)).toEqual(
      expect.arrayContaining(['limits.too_many_buttons', 'window.session_send_when_closed']),
    );
    const listed = await (await rt.api('/flows')).json();
    expect(listed.flows).toContainEqual(
      expect.objectContaining({ id: broken.id, publishedVersion: null, errorCount: 2 }),
    );
  });

  it('keeps published versions immutable and conversations pinned to theirs', async () => {
    const welcome = readExample('welcome.json');
    await rt.publish(welcome);
    const phone = '15550101010';
    await rt.customer.sendText(phone, 'hi');
    await waitFor('the greeting', () => rt.received(phone).length >= 2);

    const nodes = (welcome.nodes as Record<string, unknown>[]).map((node) =>
      node.id === 'ask_name' ? { ...node, prompt: 'New wording: your first name?' } : node,
    );
    expect(
      (await rt.api('/flows/welcome', { method: 'PUT', body: JSON.stringify({ ...welcome, nodes }) })).status,
    ).toBe(200);
    expect(await (await rt.api('/flows/welcome/publish', { method: 'POST' })).json()).toMatchObject({ version: 2 });
    const v1 = await (await rt.api('/flows/welcome/versions/1')).json();
    expect(JSON.stringify(v1.flow)).not.toContain('New wording');

    await rt.customer.tapButton(phone, 'find_bike', 'Find a bike');
    await waitFor('the name question', () => rt.received(phone).length >= 3);
    expect(JSON.stringify(rt.received(phone)[2])).toContain("Great! What's your first name?");
  });

  it('exports the draft exactly and imports it back', async () => {
    const welcome = readExample('welcome.json');
    await rt.api('/flows', json(welcome));
    const exported = await rt.api('/flows/welcome/export');
    expect(exported.headers.get('content-disposition')).toContain('welcome.parley.json');
    const document = await exported.json();
    expect(document).toMatchObject({ id: 'welcome', schemaVersion: 1, nodes: welcome.nodes });
    expect((await rt.api('/flows/import', json({ ...document, name: 'Renamed' }))).status).toBe(200);
    expect((await (await rt.api('/flows/welcome')).json()).flow.name).toBe('Renamed');
    const bad = await rt.api('/flows', json({ schemaVersion: 1, id: 'x', nodes: 'none' }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({
      code: 'load.invalid',
      issues: expect.arrayContaining([expect.objectContaining({ path: 'name' })]),
    });
  });

  it('serves an OpenAPI document generated from the routes', async () => {
    const doc = await (await rt.api('/openapi.json')).json();
    expect(doc.openapi).toBe('3.0.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/flows', '/flows/{id}/publish', '/events/{name}', '/sandbox/clock']),
    );
  });
});

describe('the page at /', () => {
  it('serves a placeholder without an editor build, with the token only for a browser on this machine', async () => {
    const local = await (await fetch(`${rt.url}/`)).text();
    expect(local).toContain('Parley is running');
    expect(local).toContain('<meta name="parley-token" content="e2e-admin-token-0123456789abcdef">');
    const proxied = await (
      await fetch(`${rt.url}/flows/welcome`, { headers: { 'x-forwarded-for': '203.0.113.7' } })
    ).text();
    expect(proxied).toContain('Parley is running');
    expect(proxied).not.toContain('parley-token');
  });
});

describe('the sandbox channel', () => {
  it('plays the customer through the signed webhook path and streams what the bot does', async () => {
    await rt.publish(readExample('welcome.json'));
    const { phone } = await (await rt.api('/sandbox/conversations', json({ flowId: 'welcome' }))).json();
    const stream = await fetch(`${rt.url}/api/sandbox/customers/${phone}/stream`, {
      headers: { authorization: 'Bearer e2e-admin-token-0123456789abcdef' },
    });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = stream.body?.getReader();
    let text = '';
    const decoder = new TextDecoder();
    const readUntil = async (needle: string) => {
      while (!text.includes(needle) && reader) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value);
      }
      return text;
    };

    expect((await rt.api(`/sandbox/customers/${phone}/messages`, json({ type: 'text', text: 'hello' }))).status).toBe(
      202,
    );
    await readUntil('Welcome to Acme Bikes');
    expect(text).toContain('event: visit');
    expect(text).toContain('"nodeId":"greeting"');
    expect(text).toContain('event: message');
    await readUntil('event: status');
    await reader?.cancel();

    const jumped = await (await rt.api('/sandbox/clock', json({ advanceMs: 25 * 3_600_000 }))).json();
    expect(jumped.now).toBeGreaterThan(Date.now() + 24 * 3_600_000);
    expect(rt.simulator.clock.now()).toBeGreaterThan(Date.now() + 24 * 3_600_000);
  });
});
