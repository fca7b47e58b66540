import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type OpenDatabase, openDatabase } from '../db/open-database.ts';
import { consents } from '../db/schema.ts';
import { type ConsentAction, readConsent, recordConsent } from './consent-ledger.ts';

let dir: string;
let database: OpenDatabase;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-consent-'));
  database = openDatabase(join(dir, 'parley.db'));
});
afterEach(() => {
  database.close();
  rmSync(dir, { recursive: true, force: true });
});

let at = 0;
const say = (category: 'marketing' | 'utility' | 'authentication' | 'all', action: ConsentAction) => {
  at += 1;
  recordConsent(database.db, { contactKey: 'c1', category, action, wording: 'w', source: 'test', at });
};

describe('the consent ledger', () => {
  it('records a STOP once per category, with its evidence', () => {
    say('all', 'opt_out');
    expect(
      database.db
        .select()
        .from(consents)
        .all()
        .map((r) => r.category),
    ).toEqual(['marketing', 'utility', 'authentication']);
    expect(readConsent(database.db, 'c1')).toEqual({
      marketing: 'opt_out',
      utility: 'opt_out',
      authentication: 'opt_out',
    });
  });

  it('keeps an opt-out of marketing to marketing: codes and updates still go', () => {
    say('marketing', 'opt_in');
    say('marketing', 'opt_out');
    expect(readConsent(database.db, 'c1')).toEqual({ marketing: 'opt_out' });
  });

  it.each<[string, [Parameters<typeof say>[0], ConsentAction][], Record<string, string>]>([
    [
      'a resume after an opt-in restores the opt-in',
      [
        ['marketing', 'opt_in'],
        ['marketing', 'opt_out'],
        ['marketing', 'resume'],
      ],
      { marketing: 'opt_in' },
    ],
    [
      'a resume is never an opt-in by itself',
      [
        ['marketing', 'opt_out'],
        ['marketing', 'resume'],
      ],
      {},
    ],
    ['a resume with no stop before it changes nothing', [['marketing', 'resume']], {}],
    [
      'two stops and a resume still restore the opt-in',
      [
        ['marketing', 'opt_in'],
        ['marketing', 'opt_out'],
        ['marketing', 'opt_out'],
        ['marketing', 'resume'],
      ],
      { marketing: 'opt_in' },
    ],
  ])('%s', (_name, actions, expected) => {
    for (const [category, action] of actions) say(category, action);
    expect(readConsent(database.db, 'c1')).toEqual(expected);
  });
});
