import { and, asc, eq, lte } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { timers } from '../db/schema.ts';
import { enqueueInput } from '../queues/inbox.ts';

/**
 * Turns due timers into inbox inputs, each in one transaction with its
 * `fired` mark. Timers live in SQLite and are polled against the injected
 * clock, so they survive restarts and follow the sandbox's clock jumps.
 */
export function fireDueTimers(db: Db, now: number, limit = 500): number {
  const due = db
    .select()
    .from(timers)
    .where(and(eq(timers.state, 'pending'), lte(timers.fireAt, now)))
    .orderBy(asc(timers.fireAt))
    .limit(limit)
    .all();
  for (const timer of due) {
    db.transaction((tx) => {
      const marked = tx
        .update(timers)
        .set({ state: 'fired' })
        .where(and(eq(timers.id, timer.id), eq(timers.state, 'pending')))
        .run();
      if (marked.changes === 0) return;
      enqueueInput(tx, {
        contactKey: timer.contactKey,
        input: { kind: 'timer', payload: { timerId: timer.id } },
        occurredAt: timer.fireAt,
        receivedAt: now,
      });
    });
  }
  return due.length;
}
