import { Effect, type EngineInput } from '@parley/flow-engine';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Clock } from '../clock.ts';
import { readJson } from '../db/json.ts';
import type { Db } from '../db/open-database.ts';
import { requests } from '../db/schema.ts';
import type { Logger } from '../logger.ts';
import { enqueueInput } from '../queues/inbox.ts';

export type HttpEffect = Extract<Effect, { type: 'http_request' }>;
export type AiEffect = Extract<Effect, { type: 'ai_request' }>;

/** An AI provider; none is configured by default, and then every AI node takes its error path. */
export type AiProvider = (request: AiEffect) => Promise<{ ok: boolean; inScope: boolean; answer?: string }>;

/** A stored request is the engine's own effect, parsed with the engine's schema. */
const StoredRequest = Effect.transform((effect, ctx) => {
  if (effect.type === 'http_request' || effect.type === 'ai_request') return effect;
  ctx.addIssue({ code: 'custom', message: `a ${effect.type} effect is not a request` });
  return z.NEVER;
});

export type RequestRunnerDeps = {
  db: Db;
  clock: Clock;
  log: Logger;
  /** Secrets referenced by name from HTTP nodes' headers; never stored in flows. */
  secrets: Record<string, string>;
  ai?: AiProvider;
  fetch: typeof fetch;
  /** Called when a result landed in the inbox. */
  onResult: () => void;
};

/**
 * Performs the HTTP and AI requests sessions wait on, outside any transaction,
 * and feeds each result back as an inbox input. A request row stays pending
 * until its result is committed, so a crash re-runs it on restart.
 */
export function createRequestRunner(deps: RequestRunnerDeps) {
  const inFlight = new Set<string>();

  const finish = (id: string, contactKey: string, sessionId: string, input: EngineInput) => {
    deps.db.transaction((tx) => {
      const marked = tx
        .update(requests)
        .set({ state: 'done' })
        .where(and(eq(requests.id, id), eq(requests.state, 'pending')))
        .run();
      if (marked.changes === 0) return;
      const now = deps.clock.now();
      const kind = input.type === 'ai_result' ? 'ai_result' : 'http_result';
      enqueueInput(tx, {
        contactKey,
        input: { kind, payload: { sessionId, input } },
        occurredAt: now,
        receivedAt: now,
      });
    });
    deps.onResult();
  };

  const runHttp = async (effect: HttpEffect): Promise<EngineInput> => {
    const headers = new Headers();
    for (const header of effect.headers) {
      const value = 'secret' in header ? deps.secrets[header.secret] : header.value;
      if (value === undefined) {
        deps.log.warn(
          `HTTP node ${effect.nodeId} references secret "${'secret' in header ? header.secret : ''}", which is not configured`,
        );
        return { type: 'http_result', requestId: effect.requestId, ok: false, status: 0, body: null };
      }
      headers.set(header.name, value);
    }
    try {
      const response = await deps.fetch(effect.url, {
        method: effect.method,
        headers,
        body: effect.body,
        signal: AbortSignal.timeout(effect.timeoutMs),
      });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Not JSON: the flow gets the text as it came.
      }
      return { type: 'http_result', requestId: effect.requestId, ok: response.ok, status: response.status, body };
    } catch (error) {
      deps.log.warn(`HTTP node ${effect.nodeId} request failed: ${error instanceof Error ? error.name : 'error'}`);
      return { type: 'http_result', requestId: effect.requestId, ok: false, status: 0, body: null };
    }
  };

  const runAi = async (effect: AiEffect): Promise<EngineInput> => {
    if (!deps.ai) return { type: 'ai_result', requestId: effect.requestId, ok: false, inScope: true };
    try {
      const answer = await deps.ai(effect);
      return { type: 'ai_result', requestId: effect.requestId, ...answer };
    } catch {
      return { type: 'ai_result', requestId: effect.requestId, ok: false, inScope: true };
    }
  };

  return {
    /** Starts every pending request not already running; resolves when they have all finished. */
    async runPending(): Promise<void> {
      const pending = deps.db.select().from(requests).where(eq(requests.state, 'pending')).all();
      const work = pending
        .filter((row) => !inFlight.has(row.id))
        .map(async (row) => {
          inFlight.add(row.id);
          try {
            const stored = readJson(StoredRequest, row.effect, 'request effect');
            const input = stored.type === 'http_request' ? await runHttp(stored) : await runAi(stored);
            finish(row.id, row.contactKey, row.sessionId, input);
          } finally {
            inFlight.delete(row.id);
          }
        });
      await Promise.all(work);
    },
  };
}

export type RequestRunner = ReturnType<typeof createRequestRunner>;
