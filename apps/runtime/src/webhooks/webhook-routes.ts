import { answerVerification, readWebhook, verifyWebhookSignature } from '@parley/whatsapp';
import { Hono } from 'hono';
import type { Clock } from '../clock.ts';
import type { GroupCommit } from '../db/group-commit.ts';
import type { Logger } from '../logger.ts';
import { type RecordDeps, type RecordResult, recordWebhook } from './record-webhook.ts';

export type WebhookDeps = {
  /** Shares one commit among the webhooks that arrive together; resolves once stored. */
  commit: GroupCommit;
  /** The queues, the message log and the catalogue a webhook's events are recorded with. */
  record: RecordDeps;
  clock: Clock;
  appSecret: string;
  verifyToken: string;
  log: Logger;
  /** Called after a webhook committed, so the processor picks the new inputs up at once. */
  onRecorded: (result: RecordResult) => void;
};

/** Meta batches up to about 3 MB in one POST (reference §3.3); a little room above that. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** Meta's webhook endpoint: the verification handshake and signed deliveries. */
export function createWebhookRoutes(deps: WebhookDeps): Hono {
  const app = new Hono();

  app.get('/', (c) => {
    const answer = answerVerification(
      {
        'hub.mode': c.req.query('hub.mode'),
        'hub.verify_token': c.req.query('hub.verify_token'),
        'hub.challenge': c.req.query('hub.challenge'),
      },
      deps.verifyToken,
    );
    return c.text(answer.body, answer.status);
  });

  app.post('/', async (c) => {
    const raw = await readLimited(c.req.raw.body, MAX_BODY_BYTES);
    if (raw === 'too_large') {
      return c.json({ error: { code: 'webhook.too_large', message: 'the body is over 4 MiB' } }, 413);
    }
    if (!verifyWebhookSignature(raw, c.req.header('x-hub-signature-256'), deps.appSecret)) {
      deps.log.warn('webhook refused: missing or wrong X-Hub-Signature-256');
      return c.json({ error: { code: 'webhook.bad_signature', message: 'the signature does not match' } }, 401);
    }
    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      return c.json({ error: { code: 'webhook.malformed', message: 'the body is not JSON' } }, 400);
    }
    const body = readWebhook(json);
    if (!body.ok) {
      const issues = body.issues.slice(0, 10);
      return c.json(
        { error: { code: 'webhook.malformed', message: 'the body is not a WhatsApp webhook', issues } },
        400,
      );
    }
    for (const issue of body.issues.slice(0, 10))
      deps.log.warn(`webhook kept unread at ${issue.path}: ${issue.message}`);
    const now = deps.clock.now();
    const result = await deps.commit((tx) => recordWebhook(tx, deps.record, body.events, now));
    deps.onRecorded(result);
    return c.text('ok', 200);
  });
  return app;
}

/**
 * Reads the body up to `limit` bytes. A larger body is still read (up to 16x
 * the limit, then dropped) so the client gets its 413 instead of a reset.
 */
async function readLimited(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Buffer | 'too_large'> {
  if (body === null) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size <= limit) chunks.push(value);
    else if (size > limit * 16) {
      await reader.cancel();
      break;
    }
  }
  return size > limit ? 'too_large' : Buffer.concat(chunks);
}
