import { z } from '@hono/zod-openapi';

/** Request and response shapes of the management API; the OpenAPI document is generated from them. */

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
      diagnostics: z.array(z.looseObject({ code: z.string(), severity: z.string(), message: z.string() })).optional(),
    }),
  })
  .openapi('Error');

/** A flow document of any schema version; it goes through loadFlow, which migrates and names every problem. */
export const FlowDocument = z.looseObject({}).openapi('FlowDocument', {
  description: 'A Parley flow document (see the JSON Schema in packages/flow-schema/flow.schema.json)',
});
export const Diagnostic = z
  .looseObject({
    code: z.string(),
    severity: z.enum(['error', 'warning', 'info']),
    message: z.string(),
    nodeId: z.string().optional(),
  })
  .openapi('Diagnostic');

export const FlowWithDiagnostics = z.object({ flow: FlowDocument, diagnostics: z.array(Diagnostic) });

export const FlowSummary = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  updatedAt: z.number(),
  publishedVersion: z.number().nullable(),
  errorCount: z.number(),
  warningCount: z.number(),
});

export const FlowDetail = z.object({
  flow: FlowDocument,
  diagnostics: z.array(Diagnostic),
  publishedVersion: z.number().nullable(),
  versions: z.array(z.object({ version: z.number(), publishedAt: z.number() })),
});

export const FlowIdParam = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });
export const VersionParam = z.object({
  id: z.string().openapi({ param: { name: 'id', in: 'path' } }),
  version: z.coerce
    .number()
    .int()
    .min(1)
    .openapi({ param: { name: 'version', in: 'path' } }),
});

export const EventBody = z.object({
  contact: z
    .object({ phone: z.string().optional(), id: z.string().optional(), name: z.string().optional() })
    .refine((c) => c.phone !== undefined || c.id !== undefined, { message: 'give the contact a phone or an id' }),
  data: z.record(z.string(), z.unknown()).default({}),
});

export const Conversation = z.object({
  sessionId: z.string(),
  flowId: z.string(),
  flowVersion: z.number(),
  status: z.string(),
  startedAt: z.number(),
  endedReason: z.string().nullable(),
});

export const MessageEntry = z.object({
  id: z.string(),
  direction: z.enum(['in', 'out']),
  payload: z.unknown(),
  status: z.string(),
  pricing: z.unknown().nullable(),
  at: z.number(),
});

export const SandboxMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().min(1) }),
  z.object({ type: z.literal('button'), id: z.string(), title: z.string() }),
  z.object({ type: z.literal('list'), id: z.string(), title: z.string() }),
  z.object({ type: z.literal('location'), latitude: z.number(), longitude: z.number() }),
]);
export type SandboxMessage = z.infer<typeof SandboxMessage>;
