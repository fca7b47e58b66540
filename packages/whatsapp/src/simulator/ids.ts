import { randomBytes } from 'node:crypto';

/**
 * Ids shaped like Meta's. A wamid is `wamid.` + base64 of a small binary
 * record that embeds the recipient's digits, so two ids never collide and a
 * client that stores them as opaque strings sees realistic lengths.
 */
export function createWamid(recipient: string): string {
  const digits = recipient.replace(/\D/g, '').slice(0, 15) || '0';
  const record = Buffer.concat([
    Buffer.from([0x1c, 0x18, digits.length]),
    Buffer.from(digits),
    Buffer.from([0x15, 0x02, 0x00, 0x11, 0x18, 0x12]),
    Buffer.from(randomBytes(9).toString('hex').toUpperCase()),
    Buffer.from([0x00]),
  ]);
  return `wamid.${record.toString('base64')}`;
}

/** A numeric Graph object id (media, template), 15–16 digits like Meta's. */
export function createNumericId(): string {
  const high = 1_000_000 + (randomBytes(4).readUInt32BE() % 8_999_999);
  const low = randomBytes(4).readUInt32BE() % 1_000_000_000;
  return `${high}${String(low).padStart(9, '0')}`;
}

export function createToken(): string {
  return randomBytes(18).toString('base64url');
}

/** A trace id for error bodies, like Meta's `fbtrace_id`. */
export function createTraceId(): string {
  return randomBytes(12).toString('base64url');
}
