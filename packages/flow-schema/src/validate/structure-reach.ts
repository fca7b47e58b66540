import type { FlowNode } from '../nodes/index.ts';
import { waitsForCustomer } from '../ports.ts';
import type { Trigger } from '../triggers.ts';
import { nameOf, type ValidationContext } from './context.ts';
import { findStronglyConnected } from './strongly-connected.ts';

/** Triggers, reachability, loops that never pause, and jumps to the flow itself. */
export function checkReach(ctx: ValidationContext): void {
  checkTriggers(ctx);
  checkUnreachable(ctx);
  checkEndlessLoops(ctx);
  ctx.flow.nodes.forEach((node, index) => {
    if (node.kind === 'jump' && node.flowId === ctx.flow.id) {
      ctx.report(
        'structure.jump_to_self',
        `Node ${nameOf(node)} jumps to this same flow; draw an edge to the step you want instead.`,
        { nodeId: node.id, path: ['nodes', index, 'flowId'] },
      );
    }
  });
}

function checkTriggers(ctx: ValidationContext): void {
  const { flow, report } = ctx;
  if (flow.triggers.length === 0) {
    report(
      'structure.no_trigger',
      'This flow has no trigger, so nothing can start it. Add one: a message from the customer, a keyword, a button payload, a business event or a schedule.',
      { path: ['triggers'] },
    );
  }
  // Each thing a trigger answers to, e.g. "keyword:hello", and the trigger that claimed it first.
  const claimed = new Map<string, string>();
  flow.triggers.forEach((trigger, index) => {
    if (ctx.graph.node(trigger.start) === undefined) {
      report(
        'structure.trigger_missing_node',
        `Trigger "${trigger.id}" starts at node "${trigger.start}", which does not exist.`,
        {
          path: ['triggers', index, 'start'],
        },
      );
    }
    for (const [key, what] of claimsOf(trigger)) {
      const first = claimed.get(key);
      if (first === undefined) {
        claimed.set(key, trigger.id);
        continue;
      }
      const owner = first === trigger.id ? 'the same trigger' : `trigger "${first}"`;
      report(
        'structure.conflicting_triggers',
        `Trigger "${trigger.id}" answers ${what}, which ${owner} already answers; only one of them could ever start.`,
        { path: ['triggers', index] },
      );
    }
  });
}

function claimsOf(trigger: Trigger): [string, string][] {
  switch (trigger.kind) {
    case 'inbound_any':
      return [['inbound_any', 'any message']];
    case 'keyword':
      return trigger.keywords.map((k) => [`keyword:${k.trim().toLowerCase()}`, `the keyword "${k}"`]);
    case 'payload':
      return trigger.payloads.map((p) => [`payload:${p}`, `the payload "${p}"`]);
    case 'event':
      return [[`event:${trigger.event}`, `the event "${trigger.event}"`]];
    case 'schedule':
      return [];
  }
}

function checkUnreachable(ctx: ValidationContext): void {
  // Without any trigger every node is unreachable; `structure.no_trigger` already says the one thing to fix.
  if (ctx.flow.triggers.length === 0) return;
  const reached = ctx.reached();
  ctx.flow.nodes.forEach((node, index) => {
    if (reached[index] === 1 || ctx.indexOf.get(node.id) !== index) return;
    ctx.report('structure.unreachable_node', `No trigger leads to node ${nameOf(node)}, so it never runs.`, {
      nodeId: node.id,
      path: ['nodes', index],
    });
  });
}

/** Steps after which the conversation pauses: the customer, a timer or a person has to act before it goes on. */
function pauses(node: FlowNode): boolean {
  return waitsForCustomer(node) || node.kind === 'delay' || node.kind === 'handoff';
}

/**
 * A cycle made only of steps that never pause would run forever within one
 * step of the engine. Removing the pausing nodes and looking for cycles in
 * what is left finds exactly those loops.
 */
function checkEndlessLoops(ctx: ValidationContext): void {
  const { flow, outgoing } = ctx;
  const passable = flow.nodes.map((node) => !pauses(node));
  const next = outgoing.map((links, vertex) =>
    passable[vertex] ? links.filter((link) => passable[link.to]).map((link) => link.to) : [],
  );
  const successors = (vertex: number): number[] => next[vertex] ?? [];
  for (const component of findStronglyConnected(flow.nodes.length, successors)) {
    const [first] = component;
    if (first === undefined) continue;
    const isLoop = component.length > 1 || successors(first).includes(first);
    if (!isLoop) continue;
    const members = component
      .map((position) => flow.nodes[position])
      .filter((node): node is FlowNode => node !== undefined)
      .sort((a, b) => (ctx.indexOf.get(a.id) ?? 0) - (ctx.indexOf.get(b.id) ?? 0));
    const head = members[0];
    if (head === undefined) continue;
    // A loop can span hundreds of nodes in a generated flow; a few names are enough to find it.
    const shown = members.slice(0, 5).map(nameOf).join(', ');
    const names = members.length > 5 ? `${shown} and ${members.length - 5} more` : shown;
    ctx.report(
      'structure.endless_loop',
      `The loop through ${names} never waits for the customer, a delay or a person, so it would run forever. Add a question, a delay or a way out of the loop.`,
      { nodeId: head.id, path: ['nodes', ctx.indexOf.get(head.id) ?? 0] },
    );
  }
}
