const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * Reads a clock jump such as "+25h", "+30m", "2d" or "+1h30m" into milliseconds;
 * `undefined` when the text is not one.
 */
export function parseDuration(text: string): number | undefined {
  const compact = text.trim().replace(/^\+/, '').replace(/\s+/g, '');
  if (!/^(\d+(\.\d+)?[smhd])+$/.test(compact)) return undefined;
  let total = 0;
  for (const match of compact.matchAll(/(\d+(?:\.\d+)?)([smhd])/g)) {
    total += Number(match[1]) * (UNIT_MS[match[2] ?? ''] ?? 0);
  }
  return total;
}
