import { timingSafeEqual } from 'node:crypto';

/**
 * The webhook verification handshake, reference §3.1: Meta calls
 * `GET <callback>?hub.mode=subscribe&hub.challenge=…&hub.verify_token=…` and
 * expects the raw challenge back with 200 when the token matches (403 otherwise).
 */
export type VerificationQuery = {
  'hub.mode'?: string | undefined;
  'hub.verify_token'?: string | undefined;
  'hub.challenge'?: string | undefined;
};

export type VerificationAnswer = { status: 200; body: string } | { status: 403; body: string };

/** Compared in constant time: the verify token is a secret, and `===` leaks how much of it matched. */
function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function answerVerification(query: VerificationQuery, verifyToken: string): VerificationAnswer {
  const challenge = query['hub.challenge'];
  if (
    query['hub.mode'] === 'subscribe' &&
    verifyToken !== '' &&
    query['hub.verify_token'] !== undefined &&
    sameSecret(query['hub.verify_token'], verifyToken) &&
    challenge !== undefined
  ) {
    return { status: 200, body: challenge };
  }
  return { status: 403, body: 'verification failed' };
}
