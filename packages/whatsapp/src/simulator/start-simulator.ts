import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createSimulator, type Simulator } from './create-simulator.ts';
import type { SimulatorOptions } from './options.ts';

export type RunningSimulator = { url: string; simulator: Simulator; close(): Promise<void> };

/**
 * Serves a simulator over real HTTP on 127.0.0.1 (port 0 picks a free one).
 * Point a Graph API client at `url` instead of https://graph.facebook.com.
 */
export async function startSimulator(
  options: SimulatorOptions & { port?: number; hostname?: string } = {},
): Promise<RunningSimulator> {
  const { port = 0, hostname = '127.0.0.1', ...rest } = options;
  const simulator = createSimulator(rest);
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const started = serve({ fetch: simulator.app.fetch, port, hostname }, () => resolve(started));
    started.once('error', reject);
  });
  const address = server.address();
  const bound = typeof address === 'object' && address !== null ? (address satisfies AddressInfo).port : port;
  return {
    url: `http://${hostname}:${bound}`,
    simulator,
    close: () =>
      new Promise<void>((resolve) => {
        simulator.close();
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
