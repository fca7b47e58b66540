import { z } from 'zod';

// Ids are short, stable, human-readable tokens. They are branded so a node id
// can never be passed where an edge id or a flow id is expected.
const idPattern = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
const idRule = 'letters, digits, "_", ".", ":" or "-", starting with a letter or digit, at most 64 characters';

export const FlowId = z.string().regex(idPattern, `a flow id uses ${idRule}`).brand<'FlowId'>();
export type FlowId = z.infer<typeof FlowId>;

export const NodeId = z.string().regex(idPattern, `a node id uses ${idRule}`).brand<'NodeId'>();
export type NodeId = z.infer<typeof NodeId>;

export const EdgeId = z.string().regex(idPattern, `an edge id uses ${idRule}`).brand<'EdgeId'>();
export type EdgeId = z.infer<typeof EdgeId>;

/** A reply id (button, list row, template quick reply): what WhatsApp echoes back in the webhook. */
export const ReplyId = z.string().min(1, 'a reply id cannot be empty');

/** Variable names are what `{{placeholders}}` refer to. */
export const VariableName = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, 'a variable name uses lowercase letters, digits and "_", starting with a letter');
export type VariableName = z.infer<typeof VariableName>;
