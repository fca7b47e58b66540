import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readFixture } from './testing/fixtures.ts';
import { answerVerification } from './verification.ts';

const fixture = z
  .object({
    query: z.record(z.string(), z.string()),
    expected_response: z.object({ status: z.number(), body: z.string() }),
  })
  .parse(readFixture('webhook.verify.get.json'));

describe('webhook verification handshake', () => {
  it('echoes the challenge when the token matches', () => {
    expect(answerVerification(fixture.query, 'my-verify-token')).toEqual({
      status: fixture.expected_response.status,
      body: fixture.expected_response.body,
    });
  });

  it.each([
    ['a wrong token', { ...fixture.query, 'hub.verify_token': 'guess' }, 'my-verify-token'],
    ['another mode', { ...fixture.query, 'hub.mode': 'unsubscribe' }, 'my-verify-token'],
    ['no challenge', { 'hub.mode': 'subscribe', 'hub.verify_token': 'my-verify-token' }, 'my-verify-token'],
    ['an empty configured token', { ...fixture.query, 'hub.verify_token': '' }, ''],
  ])('refuses %s with 403', (_label, query, token) => {
    expect(answerVerification(query, token).status).toBe(403);
  });
});
