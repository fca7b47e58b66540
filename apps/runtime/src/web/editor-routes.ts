import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { getConnInfo } from '@hono/node-server/conninfo';
import { type Context, Hono } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

const PLACEHOLDER = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Parley</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto">
<h1>Parley is running</h1>
<p>The editor has not been built yet. Run <code>pnpm --filter @parley/editor build</code> and reload,
or use the management API under <code>/api</code> (see <code>/api/openapi.json</code>).</p>
</body></html>`;

export type EditorDeps = {
  /** The editor's Vite build (apps/editor/dist); may not exist. */
  dir: string;
  /** Put in `<meta name="parley-token">` for loopback requests, in sandbox mode only. */
  tokenForLoopback?: string;
};

/**
 * Serves the editor's build at `/` with a single-page-app fallback to
 * index.html. Without a build it serves a plain placeholder, so the runtime
 * never fails to start because the editor is missing.
 */
export function createEditorRoutes(deps: EditorDeps): Hono {
  const app = new Hono();
  const root = resolve(deps.dir);

  const page = (c: Context) => {
    const index = join(root, 'index.html');
    const html = existsSync(index) ? readFileSync(index, 'utf8') : PLACEHOLDER;
    const token = deps.tokenForLoopback;
    if (token === undefined || !isLoopback(c)) return c.html(html);
    const meta = `<meta name="parley-token" content="${token}">`;
    return c.html(html.includes('</head>') ? html.replace('</head>', `${meta}</head>`) : `${meta}${html}`);
  };

  app.get('*', (c) => {
    const path = decodeURIComponent(c.req.path);
    if (path !== '/' && !path.endsWith('/')) {
      const file = normalize(join(root, path));
      if (file.startsWith(root + sep) && existsSync(file) && statSync(file).isFile()) {
        const type = TYPES[extname(file)] ?? 'application/octet-stream';
        const cache = path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
        return c.body(readFileSync(file), 200, { 'content-type': type, 'cache-control': cache });
      }
    }
    return page(c);
  });
  return app;
}

/** Only a browser on this machine gets the token: not through a proxy (which would look local too). */
function isLoopback(c: Context): boolean {
  if (c.req.header('x-forwarded-for') !== undefined || c.req.header('forwarded') !== undefined) return false;
  try {
    const address = getConnInfo(c).remote.address ?? '';
    return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
  } catch {
    return false;
  }
}
