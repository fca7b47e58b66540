import type { Context } from 'hono';
import { buildGraphError } from '../../errors/graph-error.ts';
import { httpStatusForCode } from '../../errors/http-status.ts';
import type { SimContext } from '../context.ts';
import { sleep } from '../context.ts';
import { createTraceId } from '../ids.ts';

/** What a Graph handler answers; the wrapper turns it into a Response and records it. */
export type Answer =
  | { status: number; body: unknown; messageId?: string | undefined; recipient?: string | undefined }
  | { error: number; details: string; recipient?: string | undefined }
  | { raw: Response };

export function graphError(code: number, details: string): Answer {
  return { error: code, details };
}

function json(body: unknown, status: number): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function bearerOf(c: Context): string | undefined {
  const header = c.req.header('authorization');
  const match = header === undefined ? null : /^Bearer\s+(.+)$/i.exec(header.trim());
  return match?.[1] ?? c.req.query('access_token');
}

async function readJson(c: Context): Promise<unknown> {
  if (!(c.req.header('content-type') ?? '').includes('application/json')) return undefined;
  try {
    return await c.req.json();
  } catch {
    return undefined;
  }
}

/**
 * Wraps a Graph route the way Meta's front door behaves: bearer token check
 * (190, HTTP 401), then any injected fault, then the handler. Every request is
 * recorded with how it was answered.
 */
export function graphRoute(
  ctx: SimContext,
  scope: 'send' | 'other',
  handler: (c: Context, body: unknown) => Promise<Answer> | Answer,
) {
  return async (c: Context): Promise<Response> => {
    const body = await readJson(c);
    const url = new URL(c.req.url);
    const at = ctx.clock.now();
    const record = (status: number, errorCode?: number, messageId?: string, recipient?: string) =>
      ctx.requests.add({
        at,
        method: c.req.method,
        path: url.pathname + url.search,
        body,
        recipient,
        status,
        errorCode,
        messageId,
      });
    const fail = (code: number, details: string, recipient?: string) => {
      const status = httpStatusForCode(code);
      record(status, code, undefined, recipient);
      return json({ error: buildGraphError(code, details, createTraceId()) }, status);
    };
    // A send may name its customer by BSUID (`recipient`), phone (`to`) or both.
    const recipientsOf = (value: unknown) =>
      typeof value === 'object' && value !== null
        ? [Reflect.get(value, 'recipient'), Reflect.get(value, 'to')].filter((v): v is string => typeof v === 'string')
        : [];
    const recipientOf = (value: unknown) => recipientsOf(value)[0];

    const token = bearerOf(c);
    if (token === undefined || !ctx.options.accessTokens.includes(token)) {
      return fail(
        190,
        token === undefined ? 'An access token is required.' : 'Access token has expired.',
        recipientOf(body),
      );
    }
    const addressed = recipientsOf(body);
    const fault = ctx.faults.take(scope, (target) => addressed.some((sent) => ctx.customers.same(target, sent)));
    if (fault?.kind === 'error') {
      const status = fault.httpStatus ?? httpStatusForCode(fault.code);
      record(status, fault.code, undefined, recipientOf(body));
      return json({ error: buildGraphError(fault.code, fault.details ?? 'Injected fault', createTraceId()) }, status);
    }
    if (fault?.kind === 'timeout') {
      await new Promise<void>((resolve) => ctx.hanging.add(resolve));
      record(504, undefined, undefined, recipientOf(body));
      return json(
        { error: buildGraphError(2, 'The simulator closed while holding this request', createTraceId()) },
        504,
      );
    }
    if (fault?.kind === 'delay') await sleep(ctx, fault.delayMs);

    const answer = await handler(c, body);
    if ('raw' in answer) {
      record(answer.raw.status);
      return answer.raw;
    }
    if ('error' in answer) return fail(answer.error, answer.details, answer.recipient ?? recipientOf(body));
    record(answer.status, undefined, answer.messageId, answer.recipient ?? recipientOf(body));
    return json(answer.body, answer.status);
  };
}
