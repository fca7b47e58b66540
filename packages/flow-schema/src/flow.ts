import { z } from 'zod';
import { Edge } from './edge.ts';
import { FlowId } from './ids.ts';
import { FlowNode } from './nodes/index.ts';
import { BotLabel, Scope } from './scope.ts';
import { Settings } from './settings.ts';
import { Trigger } from './triggers.ts';
import { Variable } from './variables.ts';

/** The schema version this package reads and writes. Older documents are migrated by `loadFlow`. */
export const CURRENT_SCHEMA_VERSION = 1;

/**
 * A Parley flow document, schema v1: the contract between the editor, the
 * engine and the runtime. Structure is enforced here; WhatsApp limits, policy
 * and the 24-hour window are judged by `validateFlow`, so a document that
 * breaks them still loads and can be fixed.
 */
export const Flow = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  id: FlowId,
  name: z.string().min(1, 'a flow needs a name'),
  description: z.string().default(''),
  scope: Scope.optional(),
  botLabel: BotLabel.optional(),
  triggers: z.array(Trigger).default([]),
  variables: z.array(Variable).default([]),
  nodes: z.array(FlowNode),
  edges: z.array(Edge).default([]),
  settings: Settings.default({ language: 'en_US', sessionTimeoutMinutes: 1440, handoffKeyword: 'agent' }),
});
export type Flow = z.infer<typeof Flow>;
/** What a flow file may look like before defaults are applied. */
export type FlowInput = z.input<typeof Flow>;
