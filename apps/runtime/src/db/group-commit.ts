import type { Db, Store } from './open-database.ts';

export type GroupCommit = <T>(work: (tx: Store) => T) => Promise<T>;

type Batch = Parameters<Parameters<Db['transaction']>[0]>[0];
type Pending = { run: (batch: Batch) => void; settle: () => void; abort: (error: unknown) => void };

/**
 * Runs the work of concurrent requests in one transaction per turn of the
 * event loop (each piece in its own savepoint, so one failure rolls back
 * alone). Every caller's promise settles only after the shared commit, so a
 * webhook is still acknowledged only once it is stored; commits, the main
 * cost of a small write, are shared.
 */
export function createGroupCommit(db: Db): GroupCommit {
  let queue: Pending[] = [];
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    const group = queue;
    queue = [];
    try {
      db.transaction((batch) => {
        for (const pending of group) pending.run(batch);
      });
    } catch (error) {
      // The commit itself failed: nothing of the group is stored.
      for (const pending of group) pending.abort(error);
      return;
    }
    for (const pending of group) pending.settle();
  };

  return <T>(work: (tx: Store) => T) =>
    new Promise<T>((resolve, reject) => {
      let outcome: { ok: true; value: T } | { ok: false; error: unknown } = { ok: false, error: new Error('not run') };
      queue.push({
        run: (batch) => {
          try {
            outcome = { ok: true, value: batch.transaction((tx) => work(tx)) };
          } catch (error) {
            outcome = { ok: false, error };
          }
        },
        settle: () => (outcome.ok ? resolve(outcome.value) : reject(outcome.error)),
        abort: reject,
      });
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    });
}
