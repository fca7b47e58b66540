import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The WhatsApp fixtures live in the repo at tests/fixtures/whatsapp (copied from Meta-shaped examples). */
export const FIXTURE_DIR = fileURLToPath(new URL('../../../../tests/fixtures/whatsapp/', import.meta.url));

export function fixtureNames(predicate: (name: string) => boolean): string[] {
  return readdirSync(FIXTURE_DIR)
    .filter((name) => name.endsWith('.json') && predicate(name))
    .sort();
}

export function readFixture(name: string): unknown {
  return JSON.parse(readFileSync(`${FIXTURE_DIR}${name}`, 'utf8'));
}

/**
 * A deep copy of a fixture typed loosely, for tests that break one field of a
 * valid payload on purpose; the schemas under test are what judge the result.
 */
// biome-ignore lint/suspicious/noExplicitAny: fixture JSON edited freely by tests
export function editableFixture(name: string): any {
  return structuredClone(readFixture(name));
}
