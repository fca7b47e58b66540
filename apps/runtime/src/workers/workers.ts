import type { Clock } from '../clock.ts';
import type { Db } from '../db/open-database.ts';
import type { Logger } from '../logger.ts';
import { fireDueTimers } from '../processor/fire-due-timers.ts';
import type { Processor } from '../processor/processor.ts';
import type { RequestRunner } from '../processor/request-runner.ts';
import type { Sender } from '../sender/sender.ts';

export type WorkersDeps = {
  db: Db;
  clock: Clock;
  log: Logger;
  processor: Processor;
  sender: Sender;
  requests: RequestRunner;
  /** How often the loop looks for due timers, retries and reconciliations (real ms). */
  pollMs?: number;
};

const BATCH = 200;
// Keeps each synchronous stretch short: a paced send that waits behind a long one reaches Meta late and bunched.
const BUDGET_MS = 5;

/**
 * The runtime's one work loop: timers fire into the inbox, the sender starts
 * what the pacer allows, the processor runs the inbox through the engine, and
 * requests go out. One pass at a time; a kick during a pass asks for another.
 */
export function createWorkers(deps: WorkersDeps) {
  const { db, clock, log, processor, sender, requests } = deps;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  let interval: NodeJS.Timeout | undefined;
  let kicked = false;

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
        await new Promise((resolve) =>
          setTimeout(resolve, Math.max(1, Math.min(sent.waitMs ?? 1, deps.pollMs ?? 100))),
        );
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

  /** Deferred so a webhook is answered before the work it caused starts. */
  const kick = () => {
    if (kicked) return;
    kicked = true;
    setImmediate(() => {
      kicked = false;
      void pump();
    });
  };

  return {
    kick,
    pump,
    /** Recovers rows caught mid-send, then polls. */
    start(): void {
      stopped = false;
      const recovered = sender.recover();
      if (recovered > 0) log.info(`${recovered} message(s) were mid-send at the last stop; waiting for their statuses`);
      interval = setInterval(kick, deps.pollMs ?? 100);
      kick();
    },
    /** Stops polling and waits for the pass in progress and the sends in flight. */
    async stop(): Promise<void> {
      stopped = true;
      if (interval) clearInterval(interval);
      interval = undefined;
      await running;
      await sender.settled();
    },
  };
}

export type Workers = ReturnType<typeof createWorkers>;
