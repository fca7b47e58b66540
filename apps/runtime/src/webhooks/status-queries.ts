import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { messages, outbox, statusEvents } from '../db/schema.ts';

/**
 * The queries every status webhook runs, built once. Building a drizzle query
 * costs more than running it, and a reply brings three statuses. They run on
 * the same connection, so inside whatever transaction is open when called.
 */
export function createStatusQueries(db: Db) {
  return {
    insertEvent: db
      .insert(statusEvents)
      .values({
        wamid: sql.placeholder('wamid'),
        status: sql.placeholder('status'),
        callbackKey: sql.placeholder('callbackKey'),
        payload: sql.placeholder('payload'),
        at: sql.placeholder('at'),
      })
      .onConflictDoNothing()
      .prepare(),
    outboxByKey: db
      .select()
      .from(outbox)
      .where(eq(outbox.key, sql.placeholder('key')))
      .prepare(),
    messageByWamid: db
      .select()
      .from(messages)
      .where(eq(messages.wamid, sql.placeholder('wamid')))
      .prepare(),
    setMessageStatus: db
      .update(messages)
      .set({
        status: sql`${sql.placeholder('status')}`,
        updatedAt: sql`${sql.placeholder('updatedAt')}`,
        pricing: sql`coalesce(${sql.placeholder('pricing')}, ${messages.pricing})`,
      })
      .where(eq(messages.id, sql.placeholder('id')))
      .prepare(),
  };
}

export type StatusQueries = ReturnType<typeof createStatusQueries>;
