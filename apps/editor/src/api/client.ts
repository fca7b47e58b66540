import type { Diagnostic } from '@parley/flow-schema';
import { Flow } from '@parley/flow-schema';
import { z } from 'zod';

// The runtime's management API (docs/management-api.md). Answers are parsed
// here, where they enter the editor; failures are values, never exceptions.

const DiagnosticSchema = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  nodeId: z.string().optional(),
  path: z.array(z.union([z.string(), z.number()])).optional(),
});
const ApiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    diagnostics: z.array(DiagnosticSchema).optional(),
  }),
});
export type ApiError = z.infer<typeof ApiErrorSchema>['error'];

const FlowSummary = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional().default(''),
  updatedAt: z.union([z.string(), z.number()]).optional(),
  publishedVersion: z.number().nullable(),
  errorCount: z.number().optional().default(0),
  warningCount: z.number().optional().default(0),
});
export type FlowSummary = z.infer<typeof FlowSummary>;

const FlowAnswer = z.object({ flow: Flow, diagnostics: z.array(DiagnosticSchema).default([]) });
const FlowDetail = FlowAnswer.extend({ publishedVersion: z.number().nullable().optional().default(null) });
const Published = z.object({ version: z.number(), publishedAt: z.union([z.string(), z.number()]) });

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export type Api = ReturnType<typeof createApi>;

/** A client bound to the runtime at `base` (same origin by default) with its admin token. */
export function createApi(token: string, base = '') {
  async function call<T>(method: string, path: string, schema: z.ZodType<T>, body?: unknown): Promise<Result<T>> {
    let response: Response;
    try {
      response = await fetch(`${base}/api${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      return { ok: false, error: { code: 'network', message: 'The Parley server cannot be reached. Is it running?' } };
    }
    const text = await response.text();
    let json: unknown = null;
    try {
      json = text === '' ? null : JSON.parse(text);
    } catch {
      json = null;
    }
    if (!response.ok) {
      const parsed = ApiErrorSchema.safeParse(json);
      if (parsed.success) return { ok: false, error: parsed.data.error };
      return {
        ok: false,
        error: { code: `http.${response.status}`, message: `The server answered ${response.status}.` },
      };
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success)
      return {
        ok: false,
        error: { code: 'answer.unexpected', message: 'The server sent an answer the editor does not understand.' },
      };
    return { ok: true, value: parsed.data };
  }

  return {
    listFlows: () => call('GET', '/flows', z.object({ flows: z.array(FlowSummary) })),
    getFlow: (id: string) => call('GET', `/flows/${encodeURIComponent(id)}`, FlowDetail),
    createFlow: (flow: unknown) => call('POST', '/flows', FlowAnswer, flow),
    importFlow: (flow: unknown) => call('POST', '/flows/import', FlowAnswer, flow),
    saveFlow: (flow: Flow) => call('PUT', `/flows/${encodeURIComponent(flow.id)}`, FlowAnswer, flow),
    deleteFlow: (id: string) => call('DELETE', `/flows/${encodeURIComponent(id)}`, z.unknown()),
    publishFlow: (id: string) => call('POST', `/flows/${encodeURIComponent(id)}/publish`, Published),
    startConversation: (flowId: string) =>
      call('POST', '/sandbox/conversations', z.object({ phone: z.string() }), { flowId }),
    sendAsCustomer: (phone: string, message: CustomerMessage) =>
      call('POST', `/sandbox/customers/${encodeURIComponent(phone)}/messages`, z.unknown(), message),
    advanceClock: (advanceMs: number) =>
      call('POST', '/sandbox/clock', z.object({ now: z.union([z.number(), z.string()]) }), { advanceMs }),
    streamUrl: (phone: string) => `${base}/api/sandbox/customers/${encodeURIComponent(phone)}/stream`,
    token,
  };
}

export type CustomerMessage =
  | { type: 'text'; text: string }
  | { type: 'button'; id: string; title: string }
  | { type: 'list'; id: string; title: string };

export type { Diagnostic };

/** The token the runtime put in the page, or one the user typed earlier. */
export function readToken(): string | null {
  const meta = document.querySelector('meta[name="parley-token"]');
  const fromPage = meta?.getAttribute('content');
  if (fromPage) return fromPage;
  return window.localStorage.getItem('parley-token');
}
