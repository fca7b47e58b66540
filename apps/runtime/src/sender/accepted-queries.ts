import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { messages, outbox, statusEvents } from '../db/schema.ts';

/**
 * The queries recording every accepted send runs, built once (building a
 * drizzle query costs more than running it). They run on the same
 * connection, so inside whatever transaction is open when called.
 */
export function createAcceptedQueries(db: Db) {
  return {
    markSent: db
      .update(outbox)
      .set({
        state: 'sent',
        wamid: sql`${sql.placeholder('wamid')}`,
        sentAt: sql`${sql.placeholder('sentAt')}`,
        businessInitiated: sql`${sql.placeholder('businessInitiated')}`,
        payload: sql`${sql.placeholder('payload')}`,
        pricing: sql`${sql.placeholder('pricing')}`,
        lastError: null,
      })
      .where(and(eq(outbox.id, sql.placeholder('id')), inArray(outbox.state, ['sending', 'reconciling'])))
      .prepare(),
    insertMessage: db
      .insert(messages)
      .values({
        contactKey: sql.placeholder('contactKey'),
        direction: 'out',
        wamid: sql.placeholder('wamid'),
        outboxKey: sql.placeholder('outboxKey'),
        payload: sql.placeholder('payload'),
        status: 'accepted',
        at: sql.placeholder('at'),
        updatedAt: sql.placeholder('at'),
      })
      .onConflictDoNothing()
      .prepare(),
    earlyStatuses: db
      .select({ status: statusEvents.status })
      .from(statusEvents)
      .where(eq(statusEvents.wamid, sql.placeholder('wamid')))
      .orderBy(asc(statusEvents.id))
      .prepare(),
  };
}

export type AcceptedQueries = ReturnType<typeof createAcceptedQueries>;
