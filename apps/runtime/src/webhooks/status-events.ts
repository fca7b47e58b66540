import { sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { statusEvents } from '../db/schema.ts';

/**
 * Every status event, unique by (wamid, status): the first copy is applied,
 * redeliveries stop here. Built once; runs inside whatever transaction is open.
 */
export function createStatusEvents(db: Db) {
  const insert = db
    .insert(statusEvents)
    .values({
      wamid: sql.placeholder('wamid'),
      status: sql.placeholder('status'),
      callbackKey: sql.placeholder('callbackKey'),
      payload: sql.placeholder('payload'),
      at: sql.placeholder('at'),
    })
    .onConflictDoNothing()
    .prepare();
  return {
    /** False when this (wamid, status) was seen before. */
    add(event: { wamid: string; status: string; callbackKey: string | null; payload: string }, at: number): boolean {
      return insert.run({ ...event, at }).changes > 0;
    },
  };
}

export type StatusEvents = ReturnType<typeof createStatusEvents>;
