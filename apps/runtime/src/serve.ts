import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';

/** Hono's fetch: the second argument carries node's request, which the loopback check reads. */
export type Fetch = (request: Request, env: unknown) => Response | Promise<Response>;

export type Listening = { server: ServerType; port: number; url: string; close: () => Promise<void> };

/** Serves a fetch handler over HTTP; port 0 picks a free one. Resolves once it listens. */
export function listen(fetch: Fetch, port: number, hostname: string): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname }, (info: AddressInfo) => {
      const host = hostname === '0.0.0.0' ? '127.0.0.1' : hostname;
      resolve({
        server,
        port: info.port,
        url: `http://${host}:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}
