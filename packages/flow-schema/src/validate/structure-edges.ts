import { portsOf } from '../ports.ts';
import { nameOf, type ValidationContext } from './context.ts';

/** Duplicate ids, edges that lead nowhere, ports with two edges, and main ports with none. */
export function checkEdges(ctx: ValidationContext): void {
  const { flow, graph, report } = ctx;

  const seenNodes = new Set<string>();
  flow.nodes.forEach((node, index) => {
    if (seenNodes.has(node.id)) {
      report('structure.duplicate_node_id', `Two nodes have the id "${node.id}"; give each node its own id.`, {
        nodeId: node.id,
        path: ['nodes', index, 'id'],
      });
    }
    seenNodes.add(node.id);
  });

  const seenTriggers = new Set<string>();
  flow.triggers.forEach((trigger, index) => {
    if (seenTriggers.has(trigger.id)) {
      report('structure.duplicate_trigger_id', `Two triggers have the id "${trigger.id}".`, {
        path: ['triggers', index, 'id'],
      });
    }
    seenTriggers.add(trigger.id);
  });

  // Port ids per node, computed once: portsOf derives them from buttons, rows and rules.
  const ports = flow.nodes.map((node) => portsOf(node));
  const portIds = new Map<string, Set<string>>();
  flow.nodes.forEach((node, index) => {
    if (!portIds.has(node.id)) portIds.set(node.id, new Set(ports[index]?.map((port) => port.id)));
  });

  const seenEdges = new Set<string>();
  const usedPorts = new Set<string>();
  flow.edges.forEach((edge, index) => {
    const path = ['edges', index];
    if (seenEdges.has(edge.id)) {
      report('structure.duplicate_edge_id', `Two edges have the id "${edge.id}".`, { path: [...path, 'id'] });
    }
    seenEdges.add(edge.id);

    const from = graph.node(edge.from.node);
    const to = graph.node(edge.to.node);
    if (from === undefined) {
      report('structure.dangling_edge', `Edge "${edge.id}" starts at node "${edge.from.node}", which does not exist.`, {
        path: [...path, 'from', 'node'],
      });
    } else if (!portIds.get(from.id)?.has(edge.from.port)) {
      const known = [...(portIds.get(from.id) ?? [])].map((id) => `"${id}"`).join(', ');
      report(
        'structure.dangling_edge',
        `Edge "${edge.id}" leaves node ${nameOf(from)} from port "${edge.from.port}", which that node does not have` +
          (known === '' ? ' (it has no outputs).' : ` (its ports are ${known}).`),
        { nodeId: from.id, path: [...path, 'from', 'port'] },
      );
    }
    if (to === undefined) {
      report('structure.dangling_edge', `Edge "${edge.id}" leads to node "${edge.to.node}", which does not exist.`, {
        ...(from === undefined ? {} : { nodeId: from.id }),
        path: [...path, 'to', 'node'],
      });
    }

    const portKey = `${edge.from.node}\u0000${edge.from.port}`;
    if (usedPorts.has(portKey)) {
      report(
        'structure.port_has_two_edges',
        `Port "${edge.from.port}" of node "${edge.from.node}" has more than one edge; a port leads to one next step.`,
        { nodeId: edge.from.node, path },
      );
    }
    usedPorts.add(portKey);
  });

  flow.nodes.forEach((node, index) => {
    if (ctx.indexOf.get(node.id) !== index) return;
    for (const port of ports[index] ?? []) {
      if (port.role !== 'main' || graph.edgeFrom(node.id, port.id) !== undefined) continue;
      report(
        'structure.unconnected_port',
        `"${port.label}" of node ${nameOf(node)} leads nowhere, so the conversation stops there. Connect it to the next step (an End node if it should end).`,
        { nodeId: node.id, path: ['nodes', index] },
      );
    }
  });
}
