import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEditorRoutes } from './editor-routes.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-editor-'));
mkdirSync(join(dir, 'assets'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><title>Editor</title></head><body></body></html>');
writeFileSync(join(dir, 'assets', 'app-123.js'), 'console.log("editor")');
writeFileSync(join(tmpdir(), 'outside-the-build.txt'), 'secret');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const app = createEditorRoutes({ dir, tokenForLoopback: 'token' });

describe('createEditorRoutes', () => {
  it('serves built files with their type and long caching for hashed assets', async () => {
    const response = await app.request('/assets/app-123.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/javascript');
    expect(response.headers.get('cache-control')).toContain('immutable');
  });

  it.each(['/', '/flows/welcome', '/assets/missing.js'])('falls back to index.html for %s', async (path) => {
    const response = await app.request(path);
    expect(await response.text()).toContain('<title>Editor</title>');
  });

  it('never serves a file outside the build', async () => {
    const response = await app.request('/..%2Foutside-the-build.txt');
    expect(await response.text()).not.toContain('secret');
  });

  it('gives the token to no one it cannot tell is local', async () => {
    // app.request has no socket, so the request cannot be proven to come from this machine.
    expect(await (await app.request('/')).text()).not.toContain('parley-token');
  });
});
