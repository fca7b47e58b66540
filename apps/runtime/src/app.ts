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
import { type EnginePort, flowEngine } from './processor/engine-port.ts';
import { fireDueTimers } from './processor/fire-due-timers.ts';
import { createProcessor } from './processor/processor.ts';
import { type AiProvider, createRequestRunner } from './processor/request-runner.ts';
import { classifyError } from './sender/graph-adapter.ts';
import type { ClassifyError, GraphPort } from './sender/graph-port.ts';
import { createSender } from './sender/sender.ts';
import { createEditorRoutes } from './web/editor-routes.ts';
import { createStatusQueries } from './webhooks/status-queries.ts';
import { createWebhookRoutes } from './webhooks/webhook-routes.ts';

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
  const processor = createProcessor({ db, flows, clock, engine, events, log, pinnedStarts });
  // Deferred so a webhook is answered before the work it caused starts.
  let kicked = false;
  const kick = () => {
    if (kicked) return;
    kicked = true;
    setImmediate(() => {
      kicked = false;
      void pump();
    });
  };
  const sender = createSender({
    db,
    clock,
    graph: deps.graph,
    classify: deps.classify ?? classifyError,
    log,
    events,
    sendRate: deps.sendRate,
    pairBurst: deps.pairBurst,
    tierLimit: deps.tierLimit,
    reconcileMs: deps.reconcileMs,
    onInbox: kick,
  });
  const requests = createRequestRunner({
    db,
    clock,
    log,
    secrets: deps.secrets ?? {},
    ai: deps.ai,
    fetch: deps.fetch ?? fetch,
    onResult: kick,
  });

  let running: Promise<void> | undefined;
  let again = false;
  let interval: NodeJS.Timeout | undefined;

  const BATCH = 200;
  // Keeps each synchronous stretch short: a paced send that waits behind a long one reaches Meta late and bunched.
  const BUDGET_MS = 5;
  const yieldToIo = () => new Promise((resolve) => setImmediate(resolve));
  const pass = async () => {
    do {
      again = false;
      fireDueTimers(db, clock.now());
      const sent = sender.tick();
      // Let the started sends leave before more work holds the event loop.
      if (sent.started > 0) await yieldToIo();
      // Sends may have written send_failed inputs; more may be due at once.
      if (processor.drain(BATCH, BUDGET_MS) > 0 || sent.started > 0) again = true;
      void requests.runPending().catch((error: unknown) => log.error(`requests failed: ${String(error)}`));
      if (!again && sent.waitMs !== null) {
        // Due rows wait on the pacer: wake exactly when the next may go rather than at the next poll.
        await new Promise((resolve) => setTimeout(resolve, Math.max(1, sent.waitMs ?? 1)));
        again = !stopped;
      } else if (!again && sender.inFlight() > 0) {
        // Answers may free a contact's next message or feed the engine; wait for them, then look again.
        await sender.settled();
        again = !stopped;
      } else {
        // Let webhooks and API calls in between batches.
        await yieldToIo();
      }
    } while (again);
  };

  let stopped = false;
  function pump(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = pass()
      .catch((error: unknown) =>
        log.error(`worker pass failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        running = undefined;
      });
    return running;
  }

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
      statusQueries: createStatusQueries(db),
      clock,
      appSecret: deps.appSecret,
      verifyToken: deps.verifyToken,
      log,
      onRecorded: (result) => {
        if (result.messages > 0 || result.statuses > 0) kick();
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
      stopped = false;
      // The simulator starts empty: approve the templates the published flows send.
      for (const published of flows.livePublished()) deps.sandbox?.port.registerTemplates(published.flow);
      const recovered = sender.recover();
      if (recovered > 0) log.info(`${recovered} message(s) were mid-send at the last stop; waiting for their statuses`);
      interval = setInterval(kick, deps.pollMs ?? 100);
      kick();
    },
    async stop() {
      stopped = true;
      if (interval) clearInterval(interval);
      interval = undefined;
      await running;
      await sender.settled();
    },
    pump,
  };
}
