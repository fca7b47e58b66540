/**
 * @parley/runtime: the process that runs Parley flows on WhatsApp. Webhooks
 * in (verified, persisted, deduplicated), the engine in between, replies out
 * under Meta's rules (24-hour window, opt-in, tier, throughput, pair rate),
 * plus the management API and the editor. `main.ts` is the composition root;
 * `createApp` is exported for tests and embedding with other ports.
 */
export { type AppDeps, createApp, type ParleyApp } from './app.ts';
export { type AdjustableClock, type Clock, createAdjustableClock } from './clock.ts';
export { type Config, parseConfig } from './config.ts';
export { type Db, openDatabase } from './db/open-database.ts';
export { createConsoleLogger, createMemoryLogger, type Logger } from './logger.ts';
export { sandboxPortOf, startSandboxSimulator } from './sandbox/sandbox-simulator.ts';
export { createGraphPort } from './sender/create-graph-port.ts';
export { graphPortFrom } from './sender/graph-adapter.ts';
export type { GraphPort, GraphSendOutcome } from './sender/graph-port.ts';
export { type Fetch, type Listening, listen } from './serve.ts';
