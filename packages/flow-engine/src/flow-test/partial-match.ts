export type Mismatch = { path: string; expected: unknown; actual: unknown };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Compares `actual` with the parts of it a test cares about: objects match on
 * the keys `expected` names, arrays element by element with the same length,
 * everything else by equality. Returns where they differ; empty means a match.
 */
export function partialMatch(expected: unknown, actual: unknown, path = ''): Mismatch[] {
  if (isRecord(expected)) {
    if (!isRecord(actual)) return [{ path: path || '(message)', expected, actual }];
    return Object.entries(expected).flatMap(([key, value]) =>
      partialMatch(value, actual[key], path === '' ? key : `${path}.${key}`),
    );
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      return [{ path: path || '(list)', expected, actual }];
    }
    return expected.flatMap((value, index) => partialMatch(value, actual[index], `${path}[${index}]`));
  }
  return Object.is(expected, actual) ? [] : [{ path: path || '(value)', expected, actual }];
}
