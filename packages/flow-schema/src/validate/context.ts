import type { Diagnostic } from '../diagnostic.ts';
import type { Flow } from '../flow.ts';
import { buildGraph, type FlowGraph } from '../graph.ts';
import type { FlowNode } from '../nodes/index.ts';
import { BUILT_IN_VARIABLES, type Variable } from '../variables.ts';
import { DIAGNOSTIC_CATALOGUE, type DiagnosticCode } from './catalogue.ts';

export type Path = (string | number)[];
/** An edge resolved to node positions, for graph walks. */
export type Link = { to: number; port: string };

/** What every rule family needs, derived once per `validateFlow` call so rules stay linear in the flow's size. */
export type ValidationContext = {
  flow: Flow;
  graph: FlowGraph;
  /** Position of each node id in `flow.nodes` (its first occurrence). */
  indexOf: Map<string, number>;
  /** Edges between nodes that exist, leaving each node position (only a node's first occurrence has any). */
  outgoing: Link[][];
  /** Which node positions some trigger leads to (computed once, on first use). */
  reached: () => Uint8Array;
  /** Declared variables by name; built-ins are in `builtIns`. */
  variables: Map<string, Variable>;
  builtIns: ReadonlySet<string>;
  report: (code: DiagnosticCode, message: string, where?: { nodeId?: string; path?: Path }) => void;
};

export function createContext(flow: Flow, diagnostics: Diagnostic[]): ValidationContext {
  const indexOf = new Map<string, number>();
  flow.nodes.forEach((node, index) => {
    if (!indexOf.has(node.id)) indexOf.set(node.id, index);
  });
  const outgoing: Link[][] = flow.nodes.map(() => []);
  for (const edge of flow.edges) {
    const from = indexOf.get(edge.from.node);
    const to = indexOf.get(edge.to.node);
    if (from !== undefined && to !== undefined) outgoing[from]?.push({ to, port: edge.from.port });
  }
  const variables = new Map<string, Variable>();
  for (const variable of flow.variables) variables.set(variable.name, variable);
  let reached: Uint8Array | undefined;
  const ctx: ValidationContext = {
    flow,
    graph: buildGraph(flow),
    indexOf,
    outgoing,
    variables,
    builtIns: new Set<string>(BUILT_IN_VARIABLES),
    report(code, message, where = {}) {
      const diagnostic: Diagnostic = { code, severity: DIAGNOSTIC_CATALOGUE[code].severity, message };
      if (where.nodeId !== undefined) diagnostic.nodeId = where.nodeId;
      if (where.path !== undefined) diagnostic.path = where.path;
      diagnostics.push(diagnostic);
    },
    reached: () => {
      reached ??= reachableFromTriggers(flow, indexOf, outgoing);
      return reached;
    },
  };
  return ctx;
}

/** A walk over the edges from every trigger's start. */
function reachableFromTriggers(flow: Flow, indexOf: Map<string, number>, outgoing: Link[][]): Uint8Array {
  const reached = new Uint8Array(flow.nodes.length);
  const queue: number[] = [];
  for (const trigger of flow.triggers) {
    const start = indexOf.get(trigger.start);
    if (start !== undefined && reached[start] === 0) {
      reached[start] = 1;
      queue.push(start);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    for (const link of outgoing[queue[head] ?? 0] ?? []) {
      if (reached[link.to] === 0) {
        reached[link.to] = 1;
        queue.push(link.to);
      }
    }
  }
  return reached;
}

/** How a node is named in messages: its canvas label when it has one, else its id. */
export function nameOf(node: FlowNode): string {
  return node.label !== undefined && node.label.trim() !== '' ? `"${node.label}"` : `"${node.id}"`;
}
