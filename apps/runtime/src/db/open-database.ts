import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.ts';

export type Db = BetterSQLite3Database<typeof schema>;
export type OpenDatabase = { db: Db; close: () => void };

/** The committed migrations beside the source; a bundle passes its own path (see main.ts). */
const MIGRATIONS = join(import.meta.dirname, '..', '..', 'drizzle');

/**
 * Opens (creating if needed) the SQLite file and applies the committed
 * migrations. WAL with synchronous=NORMAL: a commit survives a process crash;
 * only an OS crash can lose the last moments, which Meta's redelivery covers.
 */
export function openDatabase(path: string, migrationsFolder: string = MIGRATIONS): OpenDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  cacheStatements(sqlite);
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });
  return {
    db,
    close: () => {
      if (sqlite.open) sqlite.close();
    },
  };
}

/**
 * drizzle prepares a new statement for every query; compiling the same SQL
 * again is a large share of a webhook's cost. Statements are reusable, so the
 * connection keeps the ones it compiled (a reader is reset to object rows,
 * since drizzle switches some to raw rows itself).
 */
function cacheStatements(sqlite: Database.Database, max = 1000): void {
  const compile = sqlite.prepare.bind(sqlite);
  const compiled = new Map<string, Database.Statement>();
  Object.defineProperty(sqlite, 'prepare', {
    value: (source: string) => {
      const known = compiled.get(source);
      if (known) {
        if (known.reader) known.raw(false);
        return known;
      }
      const statement = compile(source);
      if (compiled.size >= max) compiled.clear();
      compiled.set(source, statement);
      return statement;
    },
  });
}

/** What a transaction and the database have in common: enough for every query helper. */
export type Store = Pick<Db, 'select' | 'insert' | 'update' | 'delete'>;
