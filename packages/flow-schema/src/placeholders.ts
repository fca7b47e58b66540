/**
 * `{{variable}}` placeholders in flow text. Names follow VariableName; dotted
 * names reach into structured values (`{{order.id}}` reads field `id` of `order`).
 */
const PLACEHOLDER = /\{\{\s*([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*)\s*\}\}/g;

/** A `{{` that does not form a valid placeholder, so the customer would see the braces. */
const MALFORMED = /\{\{(?!\s*[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*\s*\}\})/g;

export type Placeholder = { name: string; root: string; start: number; end: number };

/** Every well-formed placeholder in `text`, in order. */
export function findPlaceholders(text: string): Placeholder[] {
  const found: Placeholder[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    found.push({ name, root: name.split('.')[0] ?? name, start: match.index, end: match.index + match[0].length });
  }
  return found;
}

/** Offsets of `{{` that start no valid placeholder. */
export function findMalformedPlaceholders(text: string): number[] {
  return [...text.matchAll(MALFORMED)].map((match) => match.index);
}

/**
 * Replaces each placeholder with `lookup(name)`. Names the lookup cannot answer
 * are collected, never rendered as "undefined": the caller decides what a gap means.
 */
export function fillPlaceholders(
  text: string,
  lookup: (name: string) => string | undefined,
): { text: string; missing: string[] } {
  const missing: string[] = [];
  const filled = text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = lookup(name);
    if (value === undefined) {
      missing.push(name);
      return whole;
    }
    return value;
  });
  return { text: filled, missing };
}
