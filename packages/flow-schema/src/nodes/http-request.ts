import { z } from 'zod';
import { VariableName } from '../ids.ts';
import { nodeBase } from './common.ts';

/**
 * A header value is either plain flow text or a reference to a secret held by
 * the runtime (an API key). Secrets never live in the flow document.
 */
export const HttpHeader = z.union([
  z.object({ name: z.string().min(1, 'a header needs a name'), value: z.string() }).strict(),
  z
    .object({
      name: z.string().min(1, 'a header needs a name'),
      secret: z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/, 'a secret is referred to by an UPPER_CASE name'),
    })
    .strict(),
]);
export type HttpHeader = z.infer<typeof HttpHeader>;

/** Calls a business system and routes on success or error. */
export const HttpRequestNode = z.object({
  ...nodeBase,
  kind: z.literal('http_request'),
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
  url: z.string().min(1, 'a request needs a web address'),
  headers: z.array(HttpHeader).default([]),
  /** Request body (JSON text), may hold placeholders. */
  body: z.string().optional(),
  /** Where the parsed response body is kept. */
  saveAs: VariableName.optional(),
  timeoutMs: z.number().int().min(100).max(30_000).default(10_000),
});
export type HttpRequestNode = z.infer<typeof HttpRequestNode>;
