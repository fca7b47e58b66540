import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures, reference §3.2: `X-Hub-Signature-256: sha256=<hex>` is an
 * HMAC-SHA256 of the exact raw body with the app secret. Verify the raw bytes
 * before any JSON parse; a re-serialised body will not match.
 */
export function signWebhookBody(rawBody: string | Uint8Array, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

const HEADER_PATTERN = /^sha256=([0-9a-f]{64})$/i;

/** Constant-time check of a signature header against the raw body; false on any malformed header. */
export function verifyWebhookSignature(
  rawBody: Uint8Array | string,
  header: string | undefined,
  appSecret: string,
): boolean {
  if (header === undefined || appSecret === '') return false;
  const match = HEADER_PATTERN.exec(header.trim());
  if (!match?.[1]) return false;
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  const given = Buffer.from(match[1], 'hex');
  // timingSafeEqual throws on different lengths; the pattern fixes the length, this guards it anyway.
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Serialises JSON the way Meta puts it on the wire: every non-ASCII character
 * escaped as `\uXXXX` with lowercase hex (surrogate pairs for astral characters),
 * so the signed bytes are pure ASCII.
 */
export function stringifyMetaJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u0080-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
