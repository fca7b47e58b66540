/**
 * Folds what a customer typed into a comparable form: trimmed, lower case,
 * accents removed, inner whitespace collapsed and trailing punctuation dropped,
 * so "  Arrêter! " and "arreter" compare equal.
 */
export function normalizeWords(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!?¡¿]+$/u, '')
    .replace(/^[¡¿]+/u, '')
    .trim();
}
