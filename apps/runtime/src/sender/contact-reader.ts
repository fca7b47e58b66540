import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { contacts } from '../db/schema.ts';

/** The contact a send goes to, read with a statement built once (it runs for every send). */
export function createContactReader(db: Db) {
  const byKey = db
    .select()
    .from(contacts)
    .where(eq(contacts.key, sql.placeholder('key')))
    .prepare();
  return { get: (key: string) => byKey.get({ key }) };
}
