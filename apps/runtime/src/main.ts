/**
 * The runtime's composition root: the only place that reads process.env,
 * opens the database, picks the real clock and builds the Graph API client.
 * Without Meta credentials it runs in sandbox mode on the built-in simulator.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { join } from 'node:path';
import { createApp, type ParleyApp } from './app.ts';
import { createAdjustableClock } from './clock.ts';
import { parseConfig } from './config.ts';
import { openDatabase } from './db/open-database.ts';
import { createFlowStore } from './flows/flow-store.ts';
import { seedExamples } from './flows/seed-examples.ts';
import { createConsoleLogger } from './logger.ts';
import { startSandboxSimulator } from './sandbox/sandbox-simulator.ts';
import { createGraphPort } from './sender/create-graph-port.ts';
import { type Fetch, listen } from './serve.ts';

/**
 * The runtime's folder. This file runs as src/main.ts (tsx, dev and tests) or
 * as dist/main.js (the bundle `pnpm start` builds); both sit one level below
 * it, so every path the runtime reads is found from here, not from where the
 * module that reads it happens to live.
 */
const RUNTIME = join(import.meta.dirname, '..');
const REPO = join(RUNTIME, '..', '..');

async function main(): Promise<void> {
  const parsed = parseConfig(process.env);
  if (!parsed.ok) {
    console.error('Parley cannot start; fix these environment variables:');
    for (const error of parsed.errors) console.error(`  ${error}`);
    process.exit(1);
  }
  const config = parsed.config;
  const log = createConsoleLogger();
  const clock = createAdjustableClock();
  const database = openDatabase(config.dbPath, join(RUNTIME, 'drizzle'));
  // The HTTP server starts first so the simulator knows where to post webhooks; requests wait for the app.
  let handler: Fetch | undefined;
  const server = await listen(
    (request, env) => (handler ? handler(request, env) : new Response('starting', { status: 503 })),
    config.port,
    config.host,
  );
  const base = server.url;

  let parley: ParleyApp;
  const generatedToken = config.adminToken === undefined ? randomBytes(24).toString('hex') : undefined;
  let stopSimulator: () => Promise<void> = async () => {};
  let closeGraph: () => Promise<void> = async () => {};
  if (config.mode === 'live' && config.meta) {
    const port = createGraphPort({
      baseUrl: config.graphUrl,
      apiVersion: config.apiVersion,
      accessToken: config.meta.accessToken,
      phoneNumberId: config.meta.phoneNumberId,
    });
    closeGraph = port.close;
    parley = createApp({
      ...common(),
      graph: port.graph,
      appSecret: config.meta.appSecret,
      verifyToken: config.meta.verifyToken,
      adminToken: config.adminToken ?? '',
    });
  } else {
    const secrets = {
      accessToken: randomBytes(24).toString('hex'),
      appSecret: randomBytes(24).toString('hex'),
      phoneNumberId: String(randomInt(100_000_000, 999_999_999)),
    };
    const simulator = await startSandboxSimulator({
      ...secrets,
      webhookUrl: `${base}/webhooks/whatsapp`,
    });
    stopSimulator = simulator.stop;
    const port = createGraphPort({
      baseUrl: simulator.url,
      apiVersion: config.apiVersion,
      accessToken: secrets.accessToken,
      phoneNumberId: secrets.phoneNumberId,
    });
    closeGraph = port.close;
    parley = createApp({
      ...common(),
      graph: port.graph,
      appSecret: secrets.appSecret,
      verifyToken: randomBytes(12).toString('hex'),
      adminToken: config.adminToken ?? generatedToken ?? '',
      sandbox: { port: simulator.port, clock },
    });
    const seeded = seedExamples(createFlowStore(database.db), join(REPO, 'examples'), clock.now(), log);
    if (seeded.imported.length > 0) {
      log.info(`sandbox: imported ${seeded.imported.length} example flows, published ${seeded.published.join(', ')}`);
    }
  }

  function common() {
    return {
      db: database.db,
      clock,
      log,
      sendRate: config.sendRate,
      pairBurst: config.pairBurst,
      tierLimit: config.tierLimit,
      editorDir: join(REPO, 'apps', 'editor', 'dist'),
      secrets: httpSecrets(),
    };
  }

  handler = parley.app.fetch;
  parley.start();
  if (config.mode === 'sandbox') {
    log.info(`SANDBOX MODE: no Meta credentials, so Parley talks to the built-in WhatsApp simulator.`);
    log.info(`Set WA_ACCESS_TOKEN, WA_PHONE_NUMBER_ID, WA_APP_SECRET and WA_VERIFY_TOKEN to go live.`);
    if (generatedToken) log.info(`admin token for /api (generated for this run): ${generatedToken}`);
  } else {
    log.info(`LIVE MODE: sending through ${config.graphUrl} ${config.apiVersion}`);
  }
  log.info(`Parley is listening on ${base} (editor at /, API at /api, webhooks at /webhooks/whatsapp)`);

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    log.info('stopping');
    await parley.stop();
    await stopSimulator();
    await server.close();
    await closeGraph();
    database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

/** Secrets HTTP request nodes reference by name: PARLEY_SECRET_<NAME> in the environment. */
function httpSecrets(): Record<string, string> {
  const secrets: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (name.startsWith('PARLEY_SECRET_') && value !== undefined) secrets[name.slice('PARLEY_SECRET_'.length)] = value;
  }
  return secrets;
}

main().catch((error: unknown) => {
  console.error(`Parley failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
