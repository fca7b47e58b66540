import type { z } from 'zod';
import { type GraphError, GraphErrorEnvelope } from '../schemas/graph/error.ts';

/**
 * The one place the client touches the network: builds the request, applies
 * the timeout, and turns every answer into a value. HTTP errors with a Graph
 * envelope become `GraphError`s; no answer in time is `timeout`; a refused
 * connection is `network`; a body that is not what Meta sends is
 * `invalid_response`. Nothing here throws for an expected failure.
 */

/** The parts of a fetch response the client reads; undici's and the global Response both fit. */
export type FetchResponseLike = {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
};

export type FetchInit = {
  method: string;
  headers: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
  signal?: AbortSignal;
  /** undici's keep-alive Agent/Pool, passed through untouched. */
  dispatcher?: unknown;
};

export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponseLike>;

export type ClientFailureCode = 'timeout' | 'network' | 'invalid_response';
export type ClientFailure = { code: ClientFailureCode; message: string };

export type GraphFailure = { ok: false; status: number; error: GraphError | ClientFailure };
export type GraphResult<T> = { ok: true; status: number; body: T } | GraphFailure;

/** True when the failure is an error Meta answered with (as opposed to a timeout or network failure). */
export function isGraphError(error: GraphError | ClientFailure): error is GraphError {
  return typeof error.code === 'number';
}

export type RequestConfig = {
  fetch: FetchLike;
  accessToken: string;
  timeoutMs: number;
  dispatcher?: unknown;
};

export type RequestSpec = {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  json?: unknown;
  body?: { bytes: Uint8Array<ArrayBuffer>; contentType: string };
  /** Skip the bearer header (never needed for Graph calls; kept for clarity in media downloads). */
  auth?: boolean;
};

/**
 * Sends one request and reads its answer with `read`, all under one deadline.
 * A plain AbortController with a timer cleared on completion is used rather
 * than AbortSignal.timeout, whose long-lived timers weigh on a busy sender.
 */
export async function sendRequest<T>(
  config: RequestConfig,
  spec: RequestSpec,
  read: (response: FetchResponseLike) => Promise<T>,
): Promise<{ ok: true; status: number; value: T } | GraphFailure> {
  const headers: Record<string, string> = {};
  if (spec.auth !== false) headers.authorization = `Bearer ${config.accessToken}`;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('timed out', 'TimeoutError')), config.timeoutMs);
  const init: FetchInit = { method: spec.method, headers, signal: controller.signal };
  if (config.dispatcher !== undefined) init.dispatcher = config.dispatcher;
  if (spec.json !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(spec.json);
  } else if (spec.body) {
    headers['content-type'] = spec.body.contentType;
    init.body = spec.body.bytes;
  }
  let status = 0;
  try {
    const response = await config.fetch(spec.url, init);
    status = response.status;
    return { ok: true, status, value: await read(response) };
  } catch (error) {
    return { ok: false, status, error: describeThrown(error, config.timeoutMs) };
  } finally {
    clearTimeout(timer);
  }
}

function describeThrown(error: unknown, timeoutMs: number): ClientFailure {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return { code: 'timeout', message: `no answer within ${timeoutMs} ms` };
  }
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return { code: 'network', message: `${error instanceof Error ? error.message : String(error)}${cause}` };
}

/** Sends a request and parses a JSON answer with `schema` (success) or the Graph error envelope (failure). */
export async function requestJson<S extends z.ZodType>(
  config: RequestConfig,
  spec: RequestSpec,
  schema: S,
): Promise<GraphResult<z.infer<S>>> {
  const sent = await sendRequest(config, spec, (response) => response.text());
  if (!sent.ok) return sent;
  const { status, value: text } = sent;
  const json = parseJson(text);
  if (status >= 200 && status < 300) {
    const parsed = schema.safeParse(json);
    if (parsed.success) return { ok: true, status, body: parsed.data };
    return invalid(status, `the answer does not match the expected shape: ${parsed.error.issues[0]?.message}`);
  }
  return graphFailure(status, text);
}

/** The failure for a non-2xx answer: Meta's error envelope when there is one. */
export function graphFailure(status: number, text: string): GraphFailure {
  const envelope = GraphErrorEnvelope.safeParse(parseJson(text));
  if (envelope.success) return { ok: false, status, error: envelope.data.error };
  return invalid(status, `HTTP ${status} without a Graph error body: ${text.slice(0, 200)}`);
}

function invalid(status: number, message: string): GraphFailure {
  return { ok: false, status, error: { code: 'invalid_response', message } };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
