import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { signWebhookBody, stringifyMetaJson, verifyWebhookSignature } from './signature.ts';
import { readFixture } from './testing/fixtures.ts';

const vector = z
  .object({ app_secret: z.string(), raw_body: z.string(), header: z.object({ 'X-Hub-Signature-256': z.string() }) })
  .parse(readFixture('webhook.signature-example.json'));

describe('webhook signatures', () => {
  it('matches the reference vector', () => {
    expect(signWebhookBody(vector.raw_body, vector.app_secret)).toBe(vector.header['X-Hub-Signature-256']);
    expect(signWebhookBody(new TextEncoder().encode(vector.raw_body), vector.app_secret)).toBe(
      vector.header['X-Hub-Signature-256'],
    );
  });

  it('verifies the vector over bytes and over a string', () => {
    const header = vector.header['X-Hub-Signature-256'];
    expect(verifyWebhookSignature(vector.raw_body, header, vector.app_secret)).toBe(true);
    expect(verifyWebhookSignature(Buffer.from(vector.raw_body), header, vector.app_secret)).toBe(true);
  });

  it.each([
    ['a missing header', undefined],
    ['an empty header', ''],
    ['a header without the prefix', '6e5eb20c76a02557a80ca0d754dc8a516ebbb99f2d6147ecf89c44d4365b8837'],
    ['a short digest', 'sha256=6e5eb20c'],
    ['a wrong digest', `sha256=${'0'.repeat(64)}`],
    ['a non-hex digest', `sha256=${'z'.repeat(64)}`],
  ])('rejects %s', (_label, header) => {
    expect(verifyWebhookSignature(vector.raw_body, header, vector.app_secret)).toBe(false);
  });

  it('rejects a body changed by one byte and a wrong secret', () => {
    const header = vector.header['X-Hub-Signature-256'];
    expect(verifyWebhookSignature(`${vector.raw_body} `, header, vector.app_secret)).toBe(false);
    expect(verifyWebhookSignature(vector.raw_body, header, 'other-secret')).toBe(false);
  });

  it('rejects the decoded (re-serialised) body, which is why the raw bytes must be hashed', () => {
    const reserialised = JSON.stringify(JSON.parse(vector.raw_body));
    expect(reserialised).not.toBe(vector.raw_body);
    expect(verifyWebhookSignature(reserialised, vector.header['X-Hub-Signature-256'], vector.app_secret)).toBe(false);
  });

  it('escapes non-ASCII the way Meta does, reproducing the signed bytes exactly', () => {
    expect(stringifyMetaJson(JSON.parse(vector.raw_body))).toBe(vector.raw_body);
    expect(stringifyMetaJson({ emoji: '😀', name: 'Zoë' })).toBe('{"emoji":"\\ud83d\\ude00","name":"Zo\\u00eb"}');
  });
});
