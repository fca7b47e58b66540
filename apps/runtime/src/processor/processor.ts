import { randomUUID } from 'node:crypto';
import { type EngineInput, type InboundMessage, Session, type StepContext, type StepResult } from '@parley/flow-engine';
import type { Trigger } from '@parley/flow-schema';
import { and, desc, eq, ne } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import type { ConversationEvents } from '../conversation-events.ts';
import { createContactReader } from '../db/contact-reader.ts';
import { readJson } from '../db/json.ts';
import type { Db, Store } from '../db/open-database.ts';
import { sessions, timers } from '../db/schema.ts';
import type { FlowStore, PublishedFlow } from '../flows/flow-store.ts';
import type { Logger } from '../logger.ts';
import type { Inbox, PendingInput } from '../queues/inbox.ts';
import type { InboxInput, StoredMessage, StoredStart } from '../queues/inbox-input.ts';
import { enqueueSend } from '../queues/outbox.ts';
import { applyStep, type Emitted } from './apply-step.ts';
import type { EnginePort } from './engine-port.ts';

export type ProcessorDeps = {
  db: Db;
  inbox: Inbox;
  flows: FlowStore;
  clock: Clock;
  engine: EnginePort;
  events: ConversationEvents;
  log: Logger;
  /** Sandbox customers made for one flow: their first message starts it, whatever it says. */
  pinnedStarts?: Map<string, string>;
};

export const POLITE_REPLY =
  'Sorry, I can only read text and buttons here. Please type your answer or tap one of the options.';

type Of<K extends InboxInput['kind']> = Extract<InboxInput, { kind: K }>['payload'];

/**
 * Runs the inbox through the engine. Each row is handled in its own
 * transaction together with everything it causes (session, outbox, timers,
 * analytics) and its processed mark, so a crash at any point either keeps
 * the whole step or none of it; unfinished rows are simply picked up again.
 * Rows are taken in time order, which serialises each contact's conversation.
 */
export function createProcessor(deps: ProcessorDeps) {
  const { db, clock, log } = deps;
  const contactsByKey = createContactReader(db);
  const newId = (prefix: string) => `${prefix}_${randomUUID()}`;

  /** Everything one inbox row is handled with. */
  type Turn = {
    tx: Store;
    row: PendingInput;
    now: number;
    ctx: StepContext;
    who: Session['contact'];
    lastInboundAt: number | null;
    active: Session | undefined;
  };

  const stepOn = (turn: Turn, session: Session, input: EngineInput): Emitted[] => {
    const published = deps.flows.getVersion(session.flowId, session.flowVersion, turn.tx);
    if (!published) throw new Error(`session ${session.id} is pinned to a missing flow version`);
    return persist(turn.tx, deps.engine.step(published.flow, session, input, turn.ctx), turn.now);
  };

  const onMessage = (turn: Turn, mapped: StoredMessage): Emitted[] => {
    const { tx, row, now, active } = turn;
    if (mapped.kind === 'ignored') return [];
    if (active?.status === 'handoff') return []; // a person has the conversation
    if (mapped.kind === 'other') {
      politeReply(tx, row, now);
      return [];
    }
    const input: EngineInput = { type: 'message', message: mapped };
    if (active) return stepOn(turn, active, input);
    const match = matchFor(tx, [row.contactKey, turn.who.phone], mapped);
    if (!match) return [];
    const started = deps.engine.start({
      ...match,
      sessionId: newId('session'),
      contact: turn.who,
      input,
      lastInboundAt: turn.lastInboundAt,
      ctx: turn.ctx,
    });
    return persist(tx, started, now);
  };

  const onTimer = (turn: Turn, { timerId }: Of<'timer'>): Emitted[] => {
    const timer = turn.tx.select().from(timers).where(eq(timers.id, timerId)).get();
    const session = timer ? sessionById(turn.tx, timer.sessionId) : undefined;
    if (timer?.state !== 'fired' || !session || session.status === 'ended') return [];
    return stepOn(turn, session, { type: 'timer', timerId });
  };

  const onStart = (turn: Turn, start: StoredStart): Emitted[] => {
    const { tx, now } = turn;
    const published = startingFlow(start, tx);
    if (!published) {
      log.warn(`flow ${start.flowId} has no published version; a start was dropped`);
      return [];
    }
    const emitted = turn.active ? supersede(tx, turn.active, now) : [];
    const input: EngineInput | null = start.event ? { type: 'event', ...start.event } : null;
    const trigger = start.event
      ? deps.engine.matchEvent([published], start.event.name)[0]?.trigger
      : entryTrigger(published);
    const startNode = trigger?.start ?? published.flow.nodes[0]?.id;
    if (startNode === undefined) return emitted;
    const result = deps.engine.start({
      flow: published,
      trigger: { start: startNode },
      lastInboundAt: turn.lastInboundAt,
      sessionId: start.sessionId ?? newId('session'),
      contact: turn.who,
      input,
      variables: start.variables,
      ctx: turn.ctx,
    });
    return [...emitted, ...persist(tx, result, now)];
  };

  /** Results, send failures and releases go to the session they name, if it still runs. */
  const onResult = (turn: Turn, stored: Of<'http_result'>): Emitted[] => {
    const session = sessionById(turn.tx, stored.sessionId);
    if (!session || session.status === 'ended') return [];
    return stepOn(turn, session, stored.input);
  };

  const handle = (tx: Store, row: PendingInput, now: number): Emitted[] => {
    const contact = contactsByKey.get(row.contactKey);
    const turn: Turn = {
      tx,
      row,
      now,
      ctx: { now, newId },
      who: {
        id: row.contactKey,
        ...(contact?.phone ? { phone: contact.phone } : {}),
        ...(contact?.name ? { name: contact.name } : {}),
      },
      lastInboundAt: contact?.lastInboundAt ?? null,
      active: activeSession(tx, row.contactKey),
    };
    const { input } = row;
    switch (input.kind) {
      case 'message':
        return onMessage(turn, input.payload);
      case 'timer':
        return onTimer(turn, input.payload);
      case 'start':
        return onStart(turn, input.payload);
      case 'http_result':
      case 'ai_result':
      case 'send_failed':
      case 'handoff_released':
        return onResult(turn, input.payload);
    }
  };

  const matchFor = (tx: Store, ids: (string | undefined)[], message: InboundMessage) => {
    const id = ids.find((candidate) => candidate !== undefined && deps.pinnedStarts?.has(candidate));
    const pinned = id === undefined ? undefined : deps.pinnedStarts?.get(id);
    if (id === undefined || pinned === undefined) {
      return deps.engine.matchMessage(deps.flows.livePublished(tx), message);
    }
    deps.pinnedStarts?.delete(id);
    const flow = deps.flows.livePublished(tx).find((p) => p.flow.id === pinned);
    if (!flow) return undefined;
    const trigger = deps.engine.matchMessage([flow], message)?.trigger ?? entryTrigger(flow);
    return trigger ? { flow, trigger } : undefined;
  };

  const startingFlow = (start: StoredStart, tx: Store): PublishedFlow | undefined => {
    if (start.version !== undefined) return deps.flows.getVersion(start.flowId, start.version, tx);
    const latest = deps.flows.livePublished(tx).find((p) => p.flow.id === start.flowId);
    return latest;
  };

  return {
    /**
     * Processes up to `max` pending rows; returns how many it handled. Synchronous (SQLite and the
     * engine are), so the caller yields to the event loop between batches to keep webhooks answered.
     */
    /**
     * Handles up to `max` pending inputs in one commit, stopping early once
     * `budgetMs` have passed so the event loop (webhook acks, paced sends) is
     * never held for long; the rest wait for the next call.
     */
    drain(max = 200, budgetMs = Number.POSITIVE_INFINITY): number {
      const rows = deps.inbox.pending(max);
      if (rows.length === 0) return 0;
      const emitted: Emitted[] = [];
      const started = performance.now();
      let handled = 0;
      // One commit per batch (commits dominate the cost); each row in its own savepoint, so a
      // row that fails rolls back alone and is parked with the reason while the others go on.
      db.transaction((batch) => {
        for (const row of rows) {
          if (handled > 0 && performance.now() - started > budgetMs) break;
          handled += 1;
          const now = clock.now();
          if ('broken' in row) {
            log.error(`input ${row.id} for a contact cannot be read: ${row.broken}`);
            deps.inbox.markProcessed(row.id, `error: ${row.broken}`, now);
            continue;
          }
          try {
            const out = batch.transaction((tx) => {
              const result = handle(tx, row, now);
              deps.inbox.markProcessed(row.id, 'ok', now);
              return result;
            });
            emitted.push(...out);
          } catch (error) {
            log.error(`input ${row.id} (${row.input.kind}) for a contact failed: ${describe(error)}`);
            deps.inbox.markProcessed(row.id, `error: ${describe(error)}`, now);
          }
        }
      });
      for (const { contactKey, event } of emitted) deps.events.emit(contactKey, event);
      return handled;
    },
  };
}

/** Where a flow begins when started by a jump or a sandbox pin: its "any message" trigger, else its first. */
function entryTrigger(published: PublishedFlow): Trigger | undefined {
  const triggers = published.flow.triggers;
  return triggers.find((t) => t.kind === 'inbound_any') ?? triggers[0];
}

function persist(tx: Store, result: StepResult<Session>, now: number): Emitted[] {
  return applyStep(tx, result.session, result.effects, now);
}

function activeSession(tx: Store, contactKey: string): Session | undefined {
  const row = tx
    .select({ state: sessions.state })
    .from(sessions)
    .where(and(eq(sessions.contactKey, contactKey), ne(sessions.status, 'ended')))
    .orderBy(desc(sessions.startedAt))
    .limit(1)
    .get();
  return row ? readJson(Session, row.state, 'session state') : undefined;
}

function sessionById(tx: Store, id: string): Session | undefined {
  const row = tx.select({ state: sessions.state }).from(sessions).where(eq(sessions.id, id)).get();
  return row ? readJson(Session, row.state, 'session state') : undefined;
}

/** An event-started flow replaces a running conversation; the old one ends with a clear reason. */
function supersede(tx: Store, session: Session, now: number): Emitted[] {
  const ended: Session = { ...session, status: 'ended', waiting: null, endedReason: 'superseded', updatedAt: now };
  tx.update(timers)
    .set({ state: 'cancelled' })
    .where(and(eq(timers.sessionId, session.id), eq(timers.state, 'pending')))
    .run();
  return applyStep(tx, ended, [], now);
}

/** Types no flow can read get one friendly line, never a crash or silence. */
function politeReply(tx: Store, row: PendingInput, now: number): void {
  enqueueSend(
    tx,
    {
      key: `polite:${row.wamid ?? row.id}`,
      contactKey: row.contactKey,
      payload: { type: 'text', text: { body: POLITE_REPLY } },
      window: 'session',
      pricing: 'service',
    },
    now,
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export type Processor = ReturnType<typeof createProcessor>;
