import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { type ApiDeps, createApi } from './api/create-api.ts';
import type { SandboxPort } from './api/sandbox-routes.ts';
import type { AdjustableClock, Clock } from './clock.ts';
import { type ConversationEvents, createConversationEvents } from './conversation-events.ts';
import { createGroupCommit } from './db/group-commit.ts';
import type { Db } from './db/open-database.ts';
import { contacts } from './db/schema.ts';
import { createFlowStore } from './flows/flow-store.ts';
import type { Logger } from './logger.ts';
import { createMessageLog } from './message-log/message-log.ts';
import { type EnginePort, flowEngine } from './processor/engine-port.ts';
import { createProcessor } from './processor/processor.ts';
import { type AiProvider, createRequestRunner } from './processor/request-runner.ts';
import { createInbox } from './queues/inbox.ts';
import { createOutbox } from './queues/outbox.ts';
import { classifyError } from './sender/graph-adapter.ts';
import type { ClassifyError, GraphPort } from './sender/graph-port.ts';
import { createSender } from './sender/sender.ts';
import { createEditorRoutes } from './web/editor-routes.ts';
import { createStatusEvents } from './webhooks/status-events.ts';
import { createWebhookRoutes } from './webhooks/webhook-routes.ts';
import { createWorkers } from './workers/workers.ts';

export type AppDeps = {
  db: Db;
  clock: Clock;
  graph: GraphPort;
  log: Logger;
  appSecret: string;
  verifyToken: string;
  adminToken: string;
  sendRate: number;
  pairBurst: number;
  tierLimit: number;
  /** How long a send of unknown fate waits for its status webhook before being resent. */
  reconcileMs?: number;
  /** Where the editor's build lives; a placeholder page is served without it. */
  editorDir: string;
  /** Sandbox mode: the simulator port and an adjustable clock (the same one as `clock`). */
  sandbox?: { port: SandboxPort; clock: AdjustableClock };
  engine?: EnginePort;
  classify?: ClassifyError;
  /** For HTTP request nodes. */
  fetch?: typeof fetch;
  secrets?: Record<string, string>;
  ai?: AiProvider;
  /** How often the workers poll for due timers, retries and reconciliations (real ms). */
  pollMs?: number;
};

export type ParleyApp = {
  /** The Hono app: /webhooks/whatsapp, /api, /healthz, and the editor at /. */
  app: Hono;
  /** Starts the workers: recovers rows caught mid-send, then polls. */
  start: () => void;
  /** Stops the workers and waits for the pass in progress. Does not close the database. */
  stop: () => Promise<void>;
  /** Runs the workers once now (the webhook and API call it after each commit). */
  pump: () => Promise<void>;
};

/**
 * The composition of the runtime from its ports. main.ts builds the real
 * ports (SQLite file, real clock, Graph client or simulator); tests pass
 * their own through the same door.
 */
export function createApp(deps: AppDeps): ParleyApp {
  const { db, clock, log } = deps;
  const engine = deps.engine ?? flowEngine;
  const live = createConversationEvents();
  // The sandbox follows a customer by phone; contacts are keyed by BSUID when WhatsApp gives one.
  const events: ConversationEvents = {
    subscribe: live.subscribe,
    listening: live.listening,
    emit: (contactKey, event) => {
      // Nobody watches in live operation: skip the phone lookup every send and status would pay.
      if (!live.listening?.()) return;
      live.emit(contactKey, event);
      const phone = db
        .select({ phone: contacts.phone })
        .from(contacts)
        .where(eq(contacts.key, contactKey))
        .get()?.phone;
      if (phone && phone !== contactKey) live.emit(phone, event);
    },
  };
  const flows = createFlowStore(db);
  const pinnedStarts = new Map<string, string>();
  const inbox = createInbox(db);
  const outbox = createOutbox(db);
  const messageLog = createMessageLog(db);
  const classify = deps.classify ?? classifyError;
  // The workers are built last but kicked from everywhere; the kick waits for them.
  let kick = () => {};
  const processor = createProcessor({ db, inbox, flows, clock, engine, events, log, pinnedStarts });
  const sender = createSender({
    db,
    outbox,
    messageLog,
    clock,
    graph: deps.graph,
    classify,
    log,
    events,
    sendRate: deps.sendRate,
    pairBurst: deps.pairBurst,
    tierLimit: deps.tierLimit,
    reconcileMs: deps.reconcileMs,
    onInbox: () => kick(),
  });
  const requests = createRequestRunner({
    db,
    clock,
    log,
    secrets: deps.secrets ?? {},
    ai: deps.ai,
    fetch: deps.fetch ?? fetch,
    onResult: () => kick(),
  });
  const workers = createWorkers({ db, clock, log, processor, sender, requests, pollMs: deps.pollMs });
  kick = workers.kick;

  const apiDeps: ApiDeps = {
    db,
    clock,
    flows,
    engine,
    sender,
    log,
    adminToken: deps.adminToken,
    kick,
    sandbox: deps.sandbox
      ? { sandbox: deps.sandbox.port, clock: deps.sandbox.clock, flows, events, pinnedStarts, kick }
      : undefined,
  };

  const app = new Hono();
  app.route(
    '/webhooks/whatsapp',
    createWebhookRoutes({
      commit: createGroupCommit(db),
      record: { outbox, messageLog, classify, statusEvents: createStatusEvents(db) },
      clock,
      appSecret: deps.appSecret,
      verifyToken: deps.verifyToken,
      log,
      onRecorded: (result) => {
        // A late failure's reaction reaches the sender the same way an immediate one's does.
        sender.signal(result.signals);
        if (result.queued || result.statuses > 0) kick();
        for (const applied of result.applied) {
          if (applied.contactKey) {
            events.emit(applied.contactKey, { type: 'status', id: applied.wamid, status: applied.status });
          }
        }
      },
    }),
  );
  app.get('/healthz', (c) => {
    const health = sender.health();
    const body = {
      ok: !health.paused,
      mode: deps.sandbox ? 'sandbox' : 'live',
      sender: health,
      backlog: sender.backlog(),
    };
    return c.json(body, health.paused ? 503 : 200);
  });
  app.route('/api', createApi(apiDeps));
  app.route(
    '/',
    createEditorRoutes({ dir: deps.editorDir, tokenForLoopback: deps.sandbox ? deps.adminToken : undefined }),
  );
  app.onError((error, c) => {
    log.error(`${c.req.method} ${c.req.path} failed: ${error.message}`);
    return c.json({ error: { code: 'internal', message: 'something went wrong; see the runtime log' } }, 500);
  });

  return {
    app,
    start() {
      // The simulator starts empty: approve the templates the published flows send.
      for (const published of flows.livePublished()) deps.sandbox?.port.registerTemplates(published.flow);
      workers.start();
    },
    stop: workers.stop,
    pump: workers.pump,
  };
}
