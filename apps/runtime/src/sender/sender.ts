import type { Clock } from '../clock.ts';
import { readConsent } from '../consent/consent-ledger.ts';
import type { ConversationEvents } from '../conversation-events.ts';
import { createContactReader } from '../db/contact-reader.ts';
import { createGroupCommit } from '../db/group-commit.ts';
import type { Db } from '../db/open-database.ts';
import type { Logger } from '../logger.ts';
import type { MessageLog } from '../message-log/message-log.ts';
import type { Outbox, OutboxMessage } from '../queues/outbox.ts';
import { reactToFailure, type SenderSignal } from '../reactions/react-to-failure.ts';
import { tellFlow } from '../reactions/tell-flow.ts';
import type { ClassifyError, GraphPort } from './graph-port.ts';
import { createPacer } from './pacer.ts';
import { createPairRates } from './pair-rates.ts';
import { recordAccepted } from './record-accepted.ts';
import { decideSend } from './send-gates.ts';
import { createThrottle } from './throttle.ts';

export type SenderDeps = {
  db: Db;
  outbox: Outbox;
  messageLog: MessageLog;
  clock: Clock;
  graph: GraphPort;
  classify: ClassifyError;
  log: Logger;
  events: ConversationEvents;
  /** Messages per second for the number, never exceeded in any one second (Meta's default cap is 80). */
  sendRate: number;
  /** Messages one contact may get in a burst before the 1-per-6-seconds pair rate applies. */
  pairBurst: number;
  tierLimit: number;
  /** How long a send of unknown fate waits for a status webhook before it is resent. */
  reconcileMs?: number;
  /** Called when a reaction wrote an input for the engine (the flow is told). */
  onInbox: () => void;
};

const MAX_UNKNOWN = 8;
const PAIR_PER_SECOND = 1 / 6;

export type SenderHealth = { paused: false } | { paused: true; reason: string; since: number };

/**
 * Drains the outbox in order per contact, enforcing Meta's rules at send
 * time; what an error leads to is decided by reactToFailure, the same
 * function the status webhooks use for late failures. Each row is claimed
 * (`sending`, committed) before the HTTP call: a row found in that state
 * after a crash may have gone out, so it waits for a status webhook carrying
 * its key before it is resent.
 */
export function createSender(deps: SenderDeps) {
  const { db, clock, log, outbox } = deps;
  const reconcileMs = deps.reconcileMs ?? 60_000;
  const throughput = createPacer(deps.sendRate);
  const pairs = createPairRates(deps.pairBurst, PAIR_PER_SECOND);
  const throttle = createThrottle();
  const contacts = createContactReader(db);
  let health: SenderHealth = { paused: false };
  /** Due rows read in one query and sent one by one as the pacer allows (at most one per contact). */
  let queue: OutboxMessage[] = [];
  let queueAt = Number.NEGATIVE_INFINITY;
  const inFlight = new Set<Promise<void>>();
  // The answers that arrive in one turn of the event loop are recorded in one commit.
  const commit = createGroupCommit(db);
  let reconciledAt = Number.NEGATIVE_INFINITY;

  /** Changes in memory that a reaction asked for, whichever path (answer or status webhook) reported the error. */
  const signal = (signals: readonly SenderSignal[]) => {
    const now = clock.now();
    for (const s of signals) {
      switch (s.kind) {
        case 'pause':
          if (!health.paused) log.error(`sending paused: ${s.reason}. Fix the account, then POST /api/sender/resume.`);
          health = { paused: true, reason: s.reason, since: now };
          break;
        case 'throttle': {
          const until = throttle.hit(s.scope, s.resetsHourly, now);
          log.warn(`sending slowed until ${new Date(until).toISOString()}: ${s.reason}`);
          break;
        }
        case 'empty_pair_bucket':
          pairs.empty(s.contactKey, now);
          break;
      }
    }
  };

  const skip = (row: OutboxMessage, reason: 'window_closed' | 'opted_out' | 'undeliverable', detail: string) => {
    db.transaction((tx) => {
      if (outbox.finish(tx, row, { state: 'skipped', lastError: detail }, clock.now())) {
        tellFlow(tx, row, reason, null, clock.now());
      }
    });
    log.info(`message ${row.key} not sent: ${detail}`);
    deps.onInbox();
  };

  const sendOne = async (row: OutboxMessage, now: number, ticket: number): Promise<void> => {
    const contact = contacts.get(row.contactKey);
    const decision = decideSend({
      now,
      window: row.window === 'template' ? 'template' : 'session',
      payload: row.payload,
      pricing: row.pricing,
      fallback: row.fallback,
      lastInboundAt: contact?.lastInboundAt ?? null,
      undeliverable: contact?.undeliverableAt != null,
      marketingHeldUntil: contact?.marketingHeldUntil ?? null,
      consent: readConsent(db, row.contactKey),
      tier: () => ({ ...outbox.tierUsage(row.contactKey, now), limit: deps.tierLimit }),
    });
    if (decision.action === 'skip') return skip(row, decision.reason, decision.detail);
    if (decision.action === 'defer') {
      outbox.defer(row.id, decision.until, decision.detail);
      return;
    }
    const pair = pairs.take(row.contactKey, now);
    if (!pair.ok) {
      outbox.defer(row.id, now + pair.waitMs, null);
      return;
    }
    const address = contact?.phone ? { to: contact.phone } : { recipient: contact?.userId ?? row.contactKey };
    const body = {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      ...address,
      ...decision.payload,
      biz_opaque_callback_data: row.key,
    };
    // The row was read a moment ago; if something else took it since, it is not ours to send.
    if (!outbox.claim(row.id)) return;
    const outcome = await deps.graph.sendMessage(body);
    const at = clock.now();
    // Taken before recording, so the pacer's bound on when the request reached Meta stays tight.
    throughput.answered(ticket, at);
    if (outcome.kind === 'accepted') {
      throttle.passed();
      const sent = { ...decision, wamid: outcome.wamid };
      await commit((tx) => recordAccepted(tx, deps, row, sent, at));
      // Shown even when a status webhook confirmed the row first (the simulator is that fast).
      deps.events.emit(row.contactKey, { type: 'message', id: outcome.wamid, payload: decision.payload, at });
      return;
    }
    if (outcome.kind === 'unknown') {
      const lastError = `no answer from the Cloud API: ${outcome.reason}`;
      if (row.attempts + 1 >= MAX_UNKNOWN) {
        db.transaction((tx) => outbox.finish(tx, row, { state: 'failed', lastError }, at));
      } else {
        outbox.unknownFate(row.id, at + reconcileMs, lastError);
      }
      return;
    }
    const failed = { ...row, state: 'sending' as const };
    const reaction = db.transaction((tx) =>
      reactToFailure(
        tx,
        outbox,
        deps.classify(outcome.code),
        failed,
        { code: outcome.code, details: outcome.details, late: false },
        at,
      ),
    );
    signal(reaction.signals);
    (reaction.alert ? log.error : log.warn)(`message ${row.key}: ${reaction.summary}`);
    deps.onInbox();
  };

  return {
    /** After a restart: rows caught mid-send wait for their status webhook before being resent. */
    recover(): number {
      return outbox.recover(clock.now(), reconcileMs);
    },
    /** Applies what a late failure's reaction asked of the sender (a status webhook reported it). */
    signal,
    /**
     * Starts the sends the pacer allows now, without waiting for their answers
     * (`settled` does). `waitMs` says when the pacer lets the next due row go,
     * or null when none is waiting on it.
     */
    tick(): { started: number; waitMs: number | null } {
      if (health.paused) return { started: 0, waitMs: null };
      const now = clock.now();
      // Held for seconds to an hour: the poll looks again, rather than a pass waiting it out.
      if (throttle.waitMs(now) > 0) return { started: 0, waitMs: null };
      // Also when no contact is being sent to, so an idle sender lets go of its buckets.
      pairs.sweep(now);
      // Reconciliation waits a minute; looking ten times a second is plenty.
      if (now - reconciledAt >= 100) {
        reconciledAt = now;
        outbox.reconcile(now);
      }
      // Rows change under the queue only through this sender, but new ones arrive: re-read at least each second.
      if (queue.length === 0 || now - queueAt > 1000) {
        queue = outbox.due(now, 500);
        queueAt = now;
      }
      let started = 0;
      // The claims of this tick share one commit, made before any request leaves
      // (requests are written to the socket only after this synchronous stretch).
      const waitMs = db.transaction((): number | null => {
        while (queue.length > 0 && !health.paused) {
          const ticket = throughput.take(clock.now());
          if (ticket === null) return throughput.waitMs(clock.now());
          const row = queue.shift();
          if (!row) break;
          started += 1;
          const send: Promise<void> = sendOne(row, clock.now(), ticket)
            .catch((error: unknown) => {
              log.error(
                `sending ${row.key} failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
              );
            })
            .finally(() => {
              // Frees the slot of a row that never reached the request (skipped, deferred, failed).
              throughput.answered(ticket, clock.now());
              inFlight.delete(send);
            });
          inFlight.add(send);
        }
        return null;
      });
      return { started, waitMs };
    },
    /** Resolves when every send started so far has its answer recorded. */
    async settled(): Promise<void> {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    inFlight: (): number => inFlight.size,
    /** Contacts whose pair-rate state is held (only those messaged within one refill time). */
    pairStates: (): number => pairs.size(),
    health: (): SenderHealth => health,
    resume(): void {
      if (health.paused) log.info('sending resumed');
      health = { paused: false };
    },
    backlog: (): number => outbox.backlog(),
  };
}

export type Sender = ReturnType<typeof createSender>;
