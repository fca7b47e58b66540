import type { Diagnostic } from '../diagnostic.ts';
import type { Flow } from '../flow.ts';
import { createContext } from './context.ts';
import { checkMediaAndTemplateLimits } from './limits-media-template.ts';
import { checkMessageLimits } from './limits-messages.ts';
import { checkPaths } from './policy-paths.ts';
import { checkScopeAndLabel } from './policy-scope.ts';
import { checkEdges } from './structure-edges.ts';
import { checkReach } from './structure-reach.ts';
import { checkVariables } from './structure-variables.ts';
import { checkWindow } from './window.ts';

/**
 * Judges a parsed flow against four families of rules: structure (the graph
 * holds together), WhatsApp's limits, Meta's policy, and the 24-hour customer
 * service window. Pure and linear in the size of the flow; never throws on a
 * flow that `Flow` parsed. Every finding has a stable code from
 * `DIAGNOSTIC_CATALOGUE`; they come in family order, then document order.
 */
export function validateFlow(flow: Flow): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const ctx = createContext(flow, diagnostics);
  checkEdges(ctx);
  checkReach(ctx);
  checkVariables(ctx);
  checkMessageLimits(ctx);
  checkMediaAndTemplateLimits(ctx);
  checkScopeAndLabel(ctx);
  checkPaths(ctx);
  checkWindow(ctx);
  return diagnostics;
}
