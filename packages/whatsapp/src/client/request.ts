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

export async function sendRequest(
  config: RequestConfig,
  spec: RequestSpec,
): Promise<{ ok: true; response: FetchResponseLike } | GraphFailure> {
  const headers: Record<string, string> = {};
  if (spec.auth !== false) headers.authorization = `Bearer ${config.accessToken}`;
  const init: FetchInit = { method: spec.method, headers, signal: AbortSignal.timeout(config.timeoutMs) };
  if (config.dispatcher !== undefined) init.dispatcher = config.dispatcher;
  if (spec.json !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(spec.json);
  } else if (spec.body) {
    headers['content-type'] = spec.body.contentType;
    init.body = spec.body.bytes;
  }
  try {
    return { ok: true, response: await config.fetch(spec.url, init) };
  } catch (error) {
    return { ok: false, status: 0, error: describeThrown(error, config.timeoutMs) };
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
  const sent = await sendRequest(config, spec);
  if (!sent.ok) return sent;
  const { response } = sent;
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    return { ok: false, status: response.status, error: describeThrown(error, config.timeoutMs) };
  }
  const json = parseJson(text);
  if (response.status >= 200 && response.status < 300) {
    const parsed = schema.safeParse(json);
    if (parsed.success) return { ok: true, status: response.status, body: parsed.data };
    return invalid(response.status, `the answer does not match the expected shape: ${parsed.error.issues[0]?.message}`);
  }
  const envelope = GraphErrorEnvelope.safeParse(json);
  if (envelope.success) return { ok: false, status: response.status, error: envelope.data.error };
  return invalid(response.status, `HTTP ${response.status} without a Graph error body: ${text.slice(0, 200)}`);
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
