import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { writeJson } from '../db/json.ts';
import type { Db, Store } from '../db/open-database.ts';
import { inbox } from '../db/schema.ts';
import { type InboxInput, parseInboxInput } from './inbox-input.ts';

/** An unprocessed input, parsed. */
export type PendingInput = {
  id: number;
  contactKey: string;
  wamid: string | null;
  occurredAt: number;
  input: InboxInput;
};

export type NewInput = {
  contactKey: string;
  input: InboxInput;
  /** When it happened (a customer message: Meta's timestamp); the processor takes inputs in this order. */
  occurredAt: number;
  receivedAt: number;
  /** Customer messages only: unique, so a redelivered webhook is dropped here. */
  wamid?: string;
};

/**
 * Adds an input for a conversation inside the caller's transaction. Returns
 * false when it was already there (the same wamid came again).
 */
export function enqueueInput(tx: Store, input: NewInput): boolean {
  const inserted = tx
    .insert(inbox)
    .values({
      contactKey: input.contactKey,
      wamid: input.wamid ?? null,
      kind: input.input.kind,
      input: writeJson(input.input.payload),
      occurredAt: input.occurredAt,
      receivedAt: input.receivedAt,
    })
    .onConflictDoNothing()
    .run();
  return inserted.changes > 0;
}

/** A customer's identity moved (new number, new BSUID): their unprocessed inputs follow them. */
export function moveInputs(tx: Store, from: string, to: string): void {
  tx.update(inbox)
    .set({ contactKey: to })
    .where(and(eq(inbox.contactKey, from), isNull(inbox.processedAt)))
    .run();
}

/**
 * The inbox's reader and its processed mark, with the hot statements built
 * once (building a drizzle query costs more than running it). They run on
 * the database's one connection, so inside whatever transaction is open.
 */
export function createInbox(db: Db) {
  const pending = db
    .select({
      id: inbox.id,
      contactKey: inbox.contactKey,
      wamid: inbox.wamid,
      kind: inbox.kind,
      input: inbox.input,
      occurredAt: inbox.occurredAt,
    })
    .from(inbox)
    .where(isNull(inbox.processedAt))
    // Served by the partial index inbox_unprocessed: no sort of the backlog.
    .orderBy(asc(inbox.occurredAt), asc(inbox.id))
    .limit(sql.placeholder('max'))
    .prepare();
  const mark = db
    .update(inbox)
    .set({ processedAt: sql`${sql.placeholder('at')}`, outcome: sql`${sql.placeholder('outcome')}` })
    .where(eq(inbox.id, sql.placeholder('id')))
    .prepare();

  return {
    /**
     * Up to `max` unprocessed inputs in arrival order. A row whose JSON no
     * longer parses comes back as `broken` so the processor can park it with
     * the reason instead of stopping the queue.
     */
    pending(max: number): (PendingInput | { id: number; contactKey: string; broken: string })[] {
      return pending.all({ max }).map((row) => {
        try {
          return { ...row, input: parseInboxInput(row.kind, row.input) };
        } catch (error) {
          return {
            id: row.id,
            contactKey: row.contactKey,
            broken: error instanceof Error ? error.message : String(error),
          };
        }
      });
    },
    /** Marks an input done; call it inside the transaction of everything it caused (same connection). */
    markProcessed(id: number, outcome: string, at: number): void {
      mark.run({ id, outcome, at });
    },
  };
}

export type Inbox = ReturnType<typeof createInbox>;
