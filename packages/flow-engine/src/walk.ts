import type { FlowNode } from '@parley/flow-schema';
import type { EndOutcome } from './effects.ts';
import { enterNode } from './nodes/index.ts';
import {
  cancelIdleTimer,
  endSession,
  type Outcome,
  refreshIdleTimer,
  replaceWaiting,
  type StepState,
} from './step-state.ts';

// What an unconnected port means: the author drew nothing, so the flow ends
// in the way a reader of the canvas would expect.
const UNCONNECTED: Record<string, EndOutcome> = {
  timeout: 'idle_timeout',
  window_closed: 'window_closed',
};

function endAtPort(st: StepState, node: FlowNode, port: string): void {
  const outcome = UNCONNECTED[port] ?? 'completed';
  const message =
    outcome === 'idle_timeout'
      ? `No reply in time at node "${node.id}", and nothing is connected to its timeout.`
      : outcome === 'window_closed'
        ? `The 24-hour window closed at node "${node.id}" and nothing is connected to its window_closed port.`
        : `The flow ends after node "${node.id}" (nothing is connected to its "${port}" port).`;
  endSession(st, outcome, message);
}

/**
 * Walks the flow from `nodeId` until a node waits or the conversation ends,
 * counting node transitions against the step's budget so a loop without a
 * wait ends with `loop_budget_exceeded` instead of hanging.
 */
export function walkFrom(st: StepState, nodeId: string): void {
  let targetId = nodeId;
  for (;;) {
    st.transitions += 1;
    if (st.transitions > st.budget) {
      endSession(
        st,
        'loop_budget_exceeded',
        `The flow went through ${st.budget} nodes without waiting for anything; it was stopped at node "${targetId}". Check for a loop.`,
      );
      return;
    }
    const node = st.graph.node(targetId);
    if (node === undefined) {
      endSession(st, 'broken_flow', `The flow has no node "${targetId}", so the conversation cannot go on.`);
      return;
    }
    st.session.nodeId = node.id;
    st.effects.push({ type: 'visit', nodeId: node.id, at: st.ctx.now });
    const outcome = enterNode(node, st);
    if (outcome.kind !== 'next') {
      settle(st, outcome);
      return;
    }
    const edge = st.graph.edgeFrom(node.id, outcome.port);
    if (edge === undefined) {
      endAtPort(st, node, outcome.port);
      return;
    }
    targetId = edge.to.node;
  }
}

function settle(st: StepState, outcome: Exclude<Outcome, { kind: 'next' }>): void {
  if (outcome.kind === 'end') {
    endSession(st, outcome.outcome, outcome.message);
    return;
  }
  replaceWaiting(st, outcome.waiting);
  // The session timeout measures the customer's silence. While the bot itself
  // waits out a delay, it must not end the conversation (a review request two
  // days after delivery); it starts again once the flow waits on anyone else.
  if (outcome.waiting.on === 'timer') cancelIdleTimer(st);
  else if (st.session.idleTimerId === null) refreshIdleTimer(st);
}

/** Applies what a waiting node decided: wait again, end, or leave by a port. */
export function follow(st: StepState, node: FlowNode, outcome: Outcome): void {
  if (outcome.kind !== 'next') {
    settle(st, outcome);
    return;
  }
  replaceWaiting(st, null);
  const edge = st.graph.edgeFrom(node.id, outcome.port);
  if (edge === undefined) endAtPort(st, node, outcome.port);
  else walkFrom(st, edge.to.node);
}
