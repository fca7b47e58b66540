import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGroupCommit } from './group-commit.ts';
import { type OpenDatabase, openDatabase } from './open-database.ts';
import { contacts } from './schema.ts';

let dir: string;
let database: OpenDatabase;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-group-'));
  database = openDatabase(join(dir, 'p.db'));
});
afterEach(() => {
  database.close();
  rmSync(dir, { recursive: true, force: true });
});

const insert = (key: string) => (tx: Pick<OpenDatabase['db'], 'insert'>) =>
  tx.insert(contacts).values({ key, createdAt: 1 }).run().changes;

describe('createGroupCommit', () => {
  it('stores concurrent work in one commit and rolls back only the piece that failed', async () => {
    const commit = createGroupCommit(database.db);
    const results = await Promise.allSettled([
      commit(insert('a')),
      commit((tx) => {
        insert('b')(tx);
        throw new Error('this piece fails');
      }),
      commit(insert('c')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const keys = database.db
      .select({ key: contacts.key })
      .from(contacts)
      .all()
      .map((row) => row.key);
    expect(keys.sort()).toEqual(['a', 'c']);
  });

  it('rejects every caller when the commit itself cannot happen', async () => {
    const commit = createGroupCommit(database.db);
    const pending = [commit(insert('x')), commit(insert('y'))];
    database.close();
    const results = await Promise.allSettled(pending);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
