import type { ConsentCategory, Settings } from '@parley/flow-schema';
import { normalizeWords } from './normalize.ts';

export type GlobalWord = { kind: 'opt_out'; category: ConsentCategory | 'all' } | { kind: 'handoff' };

// Meta does not read "STOP" for a business; every bot must. Compared after
// normalizeWords (so "Arrêter!" is "arreter"). "cancel" is deliberately absent:
// customers say it about orders, not about messages.
const OPT_OUT_ALL = new Set([
  'stop',
  'stop all',
  'stopp',
  'unsubscribe',
  'opt out',
  'opt-out',
  'optout',
  'parar',
  'baja',
  'darme de baja',
  'arreter',
  'desabonner',
  'abmelden',
  'disiscriviti',
]);
const OPT_OUT_MARKETING = new Set(['stop promotions', 'stop marketing']);
const HANDOFF = ['agent', 'human'];

/**
 * Words that mean the same in every flow, checked before the flow sees a
 * message: an opt-out (STOP and local variants) or a request for a person (the
 * flow's handoff keyword, "agent", "human"). Only the whole message counts.
 */
export function detectGlobalWord(text: string, settings: Pick<Settings, 'handoffKeyword'>): GlobalWord | undefined {
  const words = normalizeWords(text);
  if (OPT_OUT_ALL.has(words)) return { kind: 'opt_out', category: 'all' };
  if (OPT_OUT_MARKETING.has(words)) return { kind: 'opt_out', category: 'marketing' };
  if (words === normalizeWords(settings.handoffKeyword) || HANDOFF.includes(words)) return { kind: 'handoff' };
  return undefined;
}
