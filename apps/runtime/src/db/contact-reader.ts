import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { contacts } from '../db/schema.ts';

/** A contact by key, read with a statement built once: the processor and the sender ask for every input and send. */
export function createContactReader(db: Db) {
  const byKey = db
    .select()
    .from(contacts)
    .where(eq(contacts.key, sql.placeholder('key')))
    .prepare();
  return { get: (key: string) => byKey.get({ key }) };
}
