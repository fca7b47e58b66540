import { SERVICE_WINDOW_MS } from '@parley/flow-engine';
import { CATALOGUED_CODES, classifyGraphError } from '@parley/whatsapp';
import { and, asc, eq, gt, inArray, lte, or, sql } from 'drizzle-orm';
import { readJson, writeJson } from '../db/json.ts';
import type { Db, Store } from '../db/open-database.ts';
import { outbox } from '../db/schema.ts';
import { logUnsent } from '../message-log/message-log.ts';
import { type OutboxState, UNFINISHED } from './outbox-states.ts';
import { Fallback, OutboundPayload, PricingCategory } from './send-shapes.ts';

type Row = typeof outbox.$inferSelect;

/** Codes whose message Meta holds for hours (the per-user marketing limit), from the catalogue; `null` matches none. */
const HELD_BY_META = sql.raw(
  `(${
    CATALOGUED_CODES.filter((code) => classifyGraphError(code).consequence.send.kind === 'retry_growing').join(', ') ||
    'null'
  })`,
);

/** An outbox row with its JSON columns parsed. */
export type OutboxMessage = Omit<Row, 'payload' | 'fallback' | 'pricing'> & {
  payload: OutboundPayload;
  fallback: Fallback | null;
  pricing: PricingCategory;
};

export type NewSend = {
  key: string;
  contactKey: string;
  sessionId?: string | null;
  nodeId?: string | null;
  payload: OutboundPayload;
  window: 'session' | 'template';
  pricing: PricingCategory;
  fallback?: Fallback | null;
};

/** What went out: the payload and pricing chosen at send time (a fallback, maybe) and Meta's id. */
export type Sent = { payload: OutboundPayload; pricing: PricingCategory; businessInitiated: boolean; wamid: string };

export type Ending = { state: 'failed' | 'skipped'; lastError: string; code?: number };

/** Adds a send inside the caller's transaction; a key already there is the same send again and is dropped. */
export function enqueueSend(tx: Store, send: NewSend, now: number): void {
  tx.insert(outbox)
    .values({
      key: send.key,
      contactKey: send.contactKey,
      sessionId: send.sessionId ?? null,
      nodeId: send.nodeId ?? null,
      payload: writeJson(send.payload),
      window: send.window,
      pricing: send.pricing,
      fallback: send.fallback ? writeJson(send.fallback) : null,
      state: 'pending',
      nextAttemptAt: now,
      createdAt: now,
    })
    .onConflictDoNothing()
    .run();
}

/** A customer's identity moved: their unsent messages follow them. */
export function moveSends(tx: Store, from: string, to: string): void {
  tx.update(outbox)
    .set({ contactKey: to })
    .where(and(eq(outbox.contactKey, from), inArray(outbox.state, [...UNFINISHED])))
    .run();
}

export function parseOutboxRow(row: Row): OutboxMessage {
  return {
    ...row,
    payload: readJson(OutboundPayload, row.payload, 'outbox payload'),
    fallback: row.fallback === null ? null : readJson(Fallback, row.fallback, 'outbox fallback'),
    pricing: PricingCategory.parse(row.pricing),
  };
}

/**
 * The outbox state machine: every write to the table is one of these named
 * transitions, each guarded by the states it may start from, so a late status
 * webhook and a slow HTTP answer cannot undo each other. Hot statements are
 * built once; they run on the one connection, inside whatever transaction is open.
 */
export function createOutbox(db: Db) {
  const due = db
    .select()
    .from(outbox)
    .where(
      and(
        eq(outbox.state, 'pending'),
        lte(outbox.nextAttemptAt, sql.placeholder('now')),
        // Per-contact order: only a contact's oldest unfinished message may go. A marketing template
        // Meta's per-user limit holds for hours is not in the way: their codes, updates and replies go.
        sql`not exists (select 1 from outbox as earlier where earlier.contact_key = ${outbox.contactKey} and earlier.id < ${outbox.id} and earlier.state in ('pending', 'sending', 'reconciling') and not (earlier.state = 'pending' and earlier.next_attempt_at > ${sql.placeholder('now')} and earlier.error_code in ${HELD_BY_META}))`,
      ),
    )
    .orderBy(asc(outbox.id))
    .limit(sql.placeholder('max'))
    .prepare();
  const claim = db
    .update(outbox)
    .set({ state: 'sending', attempts: sql`${outbox.attempts} + 1` })
    .where(and(eq(outbox.id, sql.placeholder('id')), eq(outbox.state, 'pending')))
    .prepare();
  const markSent = db
    .update(outbox)
    .set({
      state: 'sent',
      wamid: sql`${sql.placeholder('wamid')}`,
      sentAt: sql`${sql.placeholder('sentAt')}`,
      businessInitiated: sql`${sql.placeholder('businessInitiated')}`,
      payload: sql`${sql.placeholder('payload')}`,
      pricing: sql`${sql.placeholder('pricing')}`,
      lastError: null,
      reconcileUntil: null,
    })
    .where(
      and(
        eq(outbox.id, sql.placeholder('id')),
        // A status webhook may have confirmed this very send first (Meta races its own HTTP answer):
        // it could not know the flag, payload and pricing chosen at send time, so they are written now.
        or(
          inArray(outbox.state, ['sending', 'reconciling']),
          and(eq(outbox.state, 'sent'), eq(outbox.wamid, sql.placeholder('wamid'))),
        ),
      ),
    )
    .prepare();
  const byKey = db
    .select()
    .from(outbox)
    .where(eq(outbox.key, sql.placeholder('key')))
    .prepare();
  const byWamid = db
    .select()
    .from(outbox)
    .where(eq(outbox.wamid, sql.placeholder('wamid')))
    .prepare();

  /** Moves a row from one of `from` to its next state; false when it was no longer in one of them. */
  const move = (id: number, from: readonly OutboxState[], set: Partial<Row>): boolean =>
    db
      .update(outbox)
      .set(set)
      .where(and(eq(outbox.id, id), inArray(outbox.state, [...from])))
      .run().changes > 0;

  return {
    /** Rows due now whose contact has nothing earlier unfinished, oldest first. */
    due(now: number, max: number): OutboxMessage[] {
      return due.all({ now, max }).map(parseOutboxRow);
    },
    /** The row a status webhook names, by the key it echoes or by the wamid Meta gave it. */
    find(ids: { key?: string; wamid: string }): OutboxMessage | undefined {
      const row = (ids.key ? byKey.get({ key: ids.key }) : undefined) ?? byWamid.get({ wamid: ids.wamid });
      return row ? parseOutboxRow(row) : undefined;
    },
    /** pending → sending, committed before the request leaves; false when something else took the row. */
    claim(id: number): boolean {
      return claim.run({ id }).changes > 0;
    },
    /** sending | reconciling → sent, with what went out; also when a status confirmed the same wamid first. */
    accepted(id: number, sent: Sent, at: number): boolean {
      return (
        markSent.run({
          id,
          wamid: sent.wamid,
          sentAt: at,
          businessInitiated: sent.businessInitiated ? 1 : 0,
          payload: writeJson(sent.payload),
          pricing: sent.pricing,
        }).changes > 0
      );
    },
    /** sending → reconciling: no answer came, so it may have gone out; a status webhook decides before any resend. */
    unknownFate(id: number, until: number, lastError: string): boolean {
      return move(id, ['sending'], { state: 'reconciling', reconcileUntil: until, lastError });
    },
    /** Back to pending at `at`: a retry, a throttle, a hold, also after a late failure of a sent row. */
    retryAt(
      row: OutboxMessage,
      at: number,
      lastError: string,
      code: number | null,
      attempts = row.attempts + 1,
    ): boolean {
      return move(row.id, ['pending', 'sending', 'reconciling', 'sent'], {
        state: 'pending',
        nextAttemptAt: at,
        reconcileUntil: null,
        lastError,
        errorCode: code,
        attempts,
      });
    },
    /** pending stays pending until `until` (a gate said not yet: messaging limit, marketing hold, pair rate). */
    defer(id: number, until: number, detail: string | null): boolean {
      return move(id, ['pending'], { nextAttemptAt: until, ...(detail === null ? {} : { lastError: detail }) });
    },
    /** The window closed: the row becomes its template fallback, due at once. */
    switchToFallback(row: OutboxMessage, fallback: Fallback, at: number, lastError: string, code: number): boolean {
      return move(row.id, ['sending', 'reconciling', 'sent'], {
        state: 'pending',
        window: 'template',
        payload: writeJson(fallback.payload),
        pricing: fallback.pricing,
        fallback: null,
        nextAttemptAt: at,
        reconcileUntil: null,
        lastError,
        errorCode: code,
      });
    },
    /**
     * Ends a row without a delivery, and logs what the bot meant to send and
     * why it did not go. Run it inside the transaction of its consequences.
     */
    finish(tx: Store, row: OutboxMessage, ending: Ending, at: number): boolean {
      const moved = move(row.id, ['pending', 'sending', 'reconciling', 'sent'], {
        state: ending.state,
        lastError: ending.lastError,
        errorCode: ending.code ?? null,
        reconcileUntil: null,
      });
      if (!moved) return false;
      logUnsent(
        tx,
        { contactKey: row.contactKey, outboxKey: row.key, wamid: row.wamid, payload: row.payload, state: ending.state },
        at,
      );
      return true;
    },
    /** A status webhook names a row still in flight (or caught by a crash): it went out. */
    confirmByStatus(row: OutboxMessage, wamid: string, at: number): boolean {
      return move(row.id, ['pending', 'sending', 'reconciling'], {
        state: 'sent',
        wamid,
        sentAt: row.sentAt ?? at,
        reconcileUntil: null,
      });
    },
    /** After a restart: rows caught mid-send wait for a status webhook before they may be resent. */
    recover(now: number, reconcileMs: number): number {
      return db
        .update(outbox)
        .set({ state: 'reconciling', reconcileUntil: now + reconcileMs })
        .where(eq(outbox.state, 'sending'))
        .run().changes;
    },
    /** No status came for a row of unknown fate within its wait: it did not go out, so it may be sent again. */
    reconcile(now: number): number {
      return db
        .update(outbox)
        .set({ state: 'pending', reconcileUntil: null, nextAttemptAt: now })
        .where(and(eq(outbox.state, 'reconciling'), lte(outbox.reconcileUntil, now)))
        .run().changes;
    },
    /** Unique contacts reached with business-initiated messages in the moving 24 hours, and whether this one is. */
    tierUsage(contactKey: string, now: number): { used: number; includesContact: boolean } {
      const reached = and(eq(outbox.businessInitiated, 1), gt(outbox.sentAt, now - SERVICE_WINDOW_MS));
      const used = db
        .select({ n: sql<number>`count(distinct ${outbox.contactKey})` })
        .from(outbox)
        .where(reached)
        .get();
      const mine = db
        .select({ id: outbox.id })
        .from(outbox)
        .where(and(reached, eq(outbox.contactKey, contactKey)))
        .limit(1)
        .get();
      return { used: used?.n ?? 0, includesContact: mine !== undefined };
    },
    /** Rows not yet finished, for idle checks and the health page. */
    backlog(): number {
      const row = db
        .select({ n: sql<number>`count(*)` })
        .from(outbox)
        .where(inArray(outbox.state, [...UNFINISHED]))
        .get();
      return row?.n ?? 0;
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
