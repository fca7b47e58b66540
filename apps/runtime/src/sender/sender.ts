import type { PricingCategory } from '@parley/flow-engine';
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Clock } from '../clock.ts';
import type { ConversationEvents } from '../conversation-events.ts';
import { createGroupCommit } from '../db/group-commit.ts';
import { readJson, writeJson } from '../db/json.ts';
import type { Db } from '../db/open-database.ts';
import { contacts, outbox } from '../db/schema.ts';
import type { Logger } from '../logger.ts';
import { createAcceptedQueries } from './accepted-queries.ts';
import type { ClassifyError, GraphPort } from './graph-port.ts';
import { type OutboxRow, readConsent, recordAccepted, recordRejection, tierUsage } from './outbox-records.ts';
import { createPacer } from './pacer.ts';
import { createPairRates } from './pair-rates.ts';
import { decideSend } from './send-gates.ts';

export type SenderDeps = {
  db: Db;
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
  /** Called when the sender wrote a `send_failed` input for the engine. */
  onInbox: () => void;
};

const Payload = z.looseObject({ type: z.string() });
const Pricing = z.enum(['service', 'marketing', 'utility', 'authentication']);
const Fallback = z.object({ payload: Payload, pricing: Pricing });
const MAX_ATTEMPTS = 8;
const PAIR_PER_SECOND = 1 / 6;

export type SenderHealth = { paused: false } | { paused: true; reason: string; since: number };

/**
 * Drains the outbox in order per contact, enforcing Meta's rules at send
 * time, and reacts to each Cloud API error as classifyGraphError says.
 * Each row is marked `sending` (committed) before the HTTP call: a row found
 * in that state after a crash may have gone out, so it waits for a status
 * webhook carrying its key before it is resent.
 */
export function createSender(deps: SenderDeps) {
  const { db, clock, log } = deps;
  const reconcileMs = deps.reconcileMs ?? 60_000;
  const throughput = createPacer(deps.sendRate);
  const pairs = createPairRates(deps.pairBurst, PAIR_PER_SECOND);
  let health: SenderHealth = { paused: false };
  /** Due rows read in one query and sent one by one as the pacer allows (at most one per contact). */
  let queue: OutboxRow[] = [];
  let queueAt = Number.NEGATIVE_INFINITY;
  const inFlight = new Set<Promise<void>>();
  // The answers that arrive in one turn of the event loop are recorded in one commit.
  const commit = createGroupCommit(db);
  const accepted = createAcceptedQueries(db);
  // Built once: building a drizzle query costs more than running it, and these run for every send.
  const contactByKey = db
    .select()
    .from(contacts)
    .where(eq(contacts.key, sql.placeholder('key')))
    .prepare();
  const markSending = db
    .update(outbox)
    .set({ state: 'sending', attempts: sql`${outbox.attempts} + 1` })
    .where(and(eq(outbox.id, sql.placeholder('id')), eq(outbox.state, 'pending')))
    .prepare();
  let reconciledAt = Number.NEGATIVE_INFINITY;

  const dueRows = (now: number): OutboxRow[] =>
    db
      .select()
      .from(outbox)
      .where(
        and(
          eq(outbox.state, 'pending'),
          lte(outbox.nextAttemptAt, now),
          // Per-contact order: only a contact's oldest unfinished message may go.
          sql`not exists (select 1 from outbox as earlier where earlier.contact_key = ${outbox.contactKey} and earlier.id < ${outbox.id} and earlier.state in ('pending', 'sending', 'reconciling'))`,
        ),
      )
      .orderBy(asc(outbox.id))
      .limit(500)
      .all();

  const skip = (row: OutboxRow, reason: 'window_closed' | 'opted_out' | 'undeliverable', detail: string) => {
    recordRejection(db, row, { state: 'skipped', lastError: detail, feedback: reason }, clock.now());
    log.info(`message ${row.key} not sent: ${detail}`);
    deps.onInbox();
  };

  const sendOne = async (row: OutboxRow, now: number, ticket: number): Promise<void> => {
    const contact = contactByKey.get({ key: row.contactKey });
    const payload = readJson(Payload, row.payload, 'outbox payload');
    const decision = decideSend({
      now,
      window: row.window === 'template' ? 'template' : 'session',
      payload,
      pricing: Pricing.parse(row.pricing),
      fallback: row.fallback ? readJson(Fallback, row.fallback, 'outbox fallback') : null,
      lastInboundAt: contact?.lastInboundAt ?? null,
      undeliverable: contact?.undeliverableAt != null,
      consent: readConsent(db, row.contactKey),
      tier: () => ({ ...tierUsage(db, row.contactKey, now), limit: deps.tierLimit }),
    });
    if (decision.action === 'skip') return skip(row, decision.reason, decision.detail);
    if (decision.action === 'defer') {
      db.update(outbox)
        .set({ nextAttemptAt: decision.until, lastError: decision.detail })
        .where(eq(outbox.id, row.id))
        .run();
      return;
    }
    const pair = pairs.take(row.contactKey, now);
    if (!pair.ok) {
      db.update(outbox)
        .set({ nextAttemptAt: now + pair.waitMs })
        .where(eq(outbox.id, row.id))
        .run();
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
    const marked = markSending.run({ id: row.id });
    // The row was read a moment ago; if something else took it since, it is not ours to send.
    if (marked.changes === 0) return;
    const outcome = await deps.graph.sendMessage(body);
    const at = clock.now();
    // Taken before recording, so the pacer's bound on when the request reached Meta stays tight.
    throughput.answered(ticket, at);
    if (outcome.kind === 'accepted') {
      await commit((tx) => recordAccepted(tx, accepted, row, { ...decision, wamid: outcome.wamid }, at));
      // Shown even when a status webhook confirmed the row first (the simulator is that fast).
      deps.events.emit(row.contactKey, { type: 'message', id: outcome.wamid, payload: decision.payload, at });
      return;
    }
    if (outcome.kind === 'unknown') {
      const exhausted = row.attempts + 1 >= MAX_ATTEMPTS;
      db.update(outbox)
        .set({
          state: exhausted ? 'failed' : 'reconciling',
          reconcileUntil: at + reconcileMs,
          lastError: `no answer from the Cloud API: ${outcome.reason}`,
        })
        .where(and(eq(outbox.id, row.id), eq(outbox.state, 'sending')))
        .run();
      return;
    }
    react(row, outcome.code, outcome.details, decision.usedFallback, at);
  };

  const react = (row: OutboxRow, code: number, details: string, usedFallback: boolean, at: number) => {
    const error = deps.classify(code);
    const lastError = `${code} ${error.title}: ${details}`;
    const retryAt = (delayMs: number) =>
      db
        .update(outbox)
        .set({ state: 'pending', nextAttemptAt: at + delayMs, lastError })
        .where(eq(outbox.id, row.id))
        .run();
    switch (error.reaction) {
      case 'retry_backoff':
        if (row.attempts + 1 >= MAX_ATTEMPTS) {
          recordRejection(db, row, { state: 'failed', lastError }, at);
          log.warn(`message ${row.key} gave up after ${MAX_ATTEMPTS} attempts: ${lastError}`);
          return;
        }
        return void retryAt(Math.min(60_000, 500 * 2 ** row.attempts) + Math.floor(Math.random() * 250));
      case 'retry_recipient_later':
        // Meta's advice for the pair rate: wait 4^n seconds, for this recipient only.
        pairs.forget(row.contactKey);
        return void retryAt(1000 * 4 ** Math.min(row.attempts, 5));
      case 'switch_to_template': {
        const fallback = row.fallback && !usedFallback ? readJson(Fallback, row.fallback, 'outbox fallback') : null;
        if (!fallback) return skip(row, 'window_closed', lastError);
        db.update(outbox)
          .set({
            state: 'pending',
            window: 'template',
            payload: writeJson(fallback.payload),
            pricing: fallback.pricing,
            fallback: null,
            nextAttemptAt: at,
            lastError,
          })
          .where(eq(outbox.id, row.id))
          .run();
        return;
      }
      case 'give_up': {
        const feedback = code === 131050 ? 'opted_out' : code === 131026 ? 'undeliverable' : undefined;
        recordRejection(db, row, { state: 'failed', lastError, feedback, code }, at);
        log.warn(`message ${row.key} failed for good: ${lastError}`);
        if (feedback) deps.onInbox();
        return;
      }
      case 'stop_and_alert':
        // The account or token is broken: nothing else can go out until a person fixes it.
        health = { paused: true, reason: lastError, since: at };
        db.update(outbox)
          .set({ state: 'pending', attempts: row.attempts, nextAttemptAt: at, lastError })
          .where(eq(outbox.id, row.id))
          .run();
        log.error(`sending paused: ${lastError}. Fix the account, then POST /api/sender/resume.`);
        return;
    }
  };

  return {
    /** After a restart: rows caught mid-send wait for their status webhook before being resent. */
    recover(): number {
      const now = clock.now();
      return db
        .update(outbox)
        .set({ state: 'reconciling', reconcileUntil: now + reconcileMs })
        .where(eq(outbox.state, 'sending'))
        .run().changes;
    },
    /**
     * Starts the sends the pacer allows now, without waiting for their answers
     * (`settled` does). `waitMs` says when the pacer lets the next due row go,
     * or null when none is waiting on it.
     */
    tick(): { started: number; waitMs: number | null } {
      if (health.paused) return { started: 0, waitMs: null };
      const now = clock.now();
      // Also when no contact is being sent to, so an idle sender lets go of its buckets.
      pairs.sweep(now);
      // Reconciliation waits a minute; looking ten times a second is plenty.
      if (now - reconciledAt >= 100) {
        reconciledAt = now;
        db.update(outbox)
          .set({ state: 'pending', reconcileUntil: null, nextAttemptAt: now })
          .where(and(eq(outbox.state, 'reconciling'), lte(outbox.reconcileUntil, now)))
          .run();
      }
      // Rows change under the queue only through this sender, but new ones arrive: re-read at least each second.
      if (queue.length === 0 || now - queueAt > 1000) {
        queue = dueRows(now);
        queueAt = now;
      }
      let started = 0;
      // The 'sending' marks of this tick share one commit, made before any request leaves
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
    /** Rows not yet finished, for idle checks in tests and the health page. */
    backlog(): number {
      const row = db
        .select({ n: sql<number>`count(*)` })
        .from(outbox)
        .where(inArray(outbox.state, ['pending', 'sending', 'reconciling']))
        .get();
      return row?.n ?? 0;
    },
  };
}

export type Sender = ReturnType<typeof createSender>;
export type SentDecision = {
  payload: Record<string, unknown>;
  pricing: PricingCategory;
  businessInitiated: boolean;
  wamid: string;
};
