import { asc, eq } from 'drizzle-orm';
import type { Db, Store } from '../db/open-database.ts';
import { consents } from '../db/schema.ts';

/** The categories Meta prices and Parley gates separately. */
export const CONSENT_CATEGORIES = ['marketing', 'utility', 'authentication'] as const;
export type ConsentCategory = (typeof CONSENT_CATEGORIES)[number];
/**
 * `resume` is Meta's word for a customer undoing their own stop in WhatsApp:
 * it restores what held before that stop, and is never an opt-in by itself.
 */
export type ConsentAction = 'opt_in' | 'opt_out' | 'resume';

/** The standing answer per category; a category never answered is absent. */
export type ConsentState = Partial<Record<ConsentCategory, 'opt_in' | 'opt_out'>>;

export type ConsentEvidence = {
  contactKey: string;
  /** `all` (a STOP, an opt-out step for everything) is recorded once per category, with the same evidence. */
  category: ConsentCategory | 'all';
  action: ConsentAction;
  /** What the customer agreed to or said, in their words or the step's. */
  wording: string;
  /** Where it came from: a flow step, STOP, Meta's user_preferences or error code, an import, the API. */
  source: string;
  at: number;
};

/** The one writer of the consent ledger: each opt-in and opt-out per category with its evidence. */
export function recordConsent(tx: Store, evidence: ConsentEvidence): void {
  const categories = evidence.category === 'all' ? CONSENT_CATEGORIES : [evidence.category];
  for (const category of categories) {
    tx.insert(consents)
      .values({
        contactKey: evidence.contactKey,
        category,
        action: evidence.action,
        wording: evidence.wording,
        source: evidence.source,
        at: evidence.at,
      })
      .run();
  }
}

/**
 * The standing answer per category, from the ledger in order. Rows of
 * category `all` written by an older Parley count for every category, so a
 * STOP from before this ledger still holds.
 */
export function readConsent(db: Db | Store, contactKey: string): ConsentState {
  const rows = db
    .select({ category: consents.category, action: consents.action })
    .from(consents)
    .where(eq(consents.contactKey, contactKey))
    .orderBy(asc(consents.at), asc(consents.id))
    .all();
  const state: ConsentState = {};
  const beforeStop: ConsentState = {};
  for (const row of rows) {
    for (const category of CONSENT_CATEGORIES) {
      if (row.category === category || row.category === 'all') apply(state, beforeStop, category, row.action);
    }
  }
  return state;
}

function apply(state: ConsentState, beforeStop: ConsentState, category: ConsentCategory, action: string): void {
  if (action === 'opt_in') state[category] = 'opt_in';
  else if (action === 'opt_out') {
    if (state[category] !== 'opt_out') beforeStop[category] = state[category];
    state[category] = 'opt_out';
  } else if (action === 'resume' && state[category] === 'opt_out') {
    const previous = beforeStop[category];
    if (previous === undefined) delete state[category];
    else state[category] = previous;
  }
}
