import { z } from 'zod';
import { EdgeId, NodeId } from './ids.ts';

/** A connection from one output port of a node to another node. Stored once; lookups are derived. */
export const Edge = z.object({
  id: EdgeId,
  from: z.object({ node: NodeId, port: z.string().min(1, 'an edge must name the port it leaves from') }),
  to: z.object({ node: NodeId }),
});
export type Edge = z.infer<typeof Edge>;
