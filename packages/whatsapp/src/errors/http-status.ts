/**
 * The HTTP status Meta answers with for an error code, reference §1.3. Only
 * 130429→429, 131000→500, 2→503, 100/131008→400, 368/130497→403 and 190→401 are
 * confirmed; the rest are assumptions (400 for validation, 404 for a missing
 * template), and clients must key on `error.code`, never on the status.
 */
const STATUS_BY_CODE: Record<number, number> = {
  2: 503,
  4: 429,
  80007: 429,
  130429: 429,
  131056: 400,
  131000: 500,
  131016: 503,
  190: 401,
  0: 401,
  368: 403,
  130497: 403,
  131031: 403,
  10: 403,
  131005: 403,
  132001: 404,
};

export function httpStatusForCode(code: number): number {
  return STATUS_BY_CODE[code] ?? (code >= 200 && code <= 299 ? 403 : 400);
}
