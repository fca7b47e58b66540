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
  /** Declared variables by name; built-ins are in `builtIns`. */
  variables: Map<string, Variable>;
  builtIns: ReadonlySet<string>;
  report: (code: DiagnosticCode, message: string, where?: { nodeId?: string; path?: Path }) => void;
  /** The path of a node, e.g. `['nodes', 3]`, extended by `rest`. */
  nodePath: (node: FlowNode, ...rest: Path) => Path;
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
  return {
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
    nodePath: (node, ...rest) => ['nodes', indexOf.get(node.id) ?? -1, ...rest],
  };
}

/** How a node is named in messages: its canvas label when it has one, else its id. */
export function nameOf(node: FlowNode): string {
  return node.label !== undefined && node.label.trim() !== '' ? `"${node.label}"` : `"${node.id}"`;
}
