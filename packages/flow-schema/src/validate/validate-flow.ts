import type { Diagnostic } from '../diagnostic.ts';
import type { Flow } from '../flow.ts';
import { createContext } from './context.ts';
import { checkEdges } from './structure-edges.ts';
import { checkReach } from './structure-reach.ts';

/**
 * Judges a parsed flow against four families of rules: structure (the graph
 * holds together), WhatsApp's limits, Meta's policy, and the 24-hour customer
 * service window. Pure and linear in the size of the flow; never throws on a
 * flow that `Flow` parsed. Every finding has a stable code from
 * `DIAGNOSTIC_CATALOGUE`; the order is by family, then by position.
 */
export function validateFlow(flow: Flow): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const ctx = createContext(flow, diagnostics);
  checkEdges(ctx);
  checkReach(ctx);
  return diagnostics;
}
