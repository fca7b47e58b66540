import { buildGraph, type Flow, type FlowGraph } from '@parley/flow-schema';
import type { Effect, EndOutcome, StepContext } from './effects.ts';
import type { Session, Waiting } from './session.ts';

/** Transitions allowed in one step when the context does not say. */
export const DEFAULT_MAX_TRANSITIONS = 200;

/**
 * The working state of one call to `step`: a private copy of the session that
 * the handlers update, and the effects collected so far. Nothing outside the
 * call ever sees it, which keeps `step` pure from the caller's side.
 */
export type StepState = {
  flow: Flow;
  graph: FlowGraph;
  ctx: StepContext;
  session: Session;
  effects: Effect[];
  transitions: number;
  budget: number;
};

/** What a node asks for after it ran or read a reply. */
export type Outcome =
  | { kind: 'next'; port: string }
  | { kind: 'wait'; waiting: Waiting }
  | { kind: 'end'; outcome: EndOutcome; message: string };

// Building the lookups is the most expensive part of a small step; a flow
// object is immutable data, so its graph is computed once per object.
const graphs = new WeakMap<Flow, FlowGraph>();

function graphOf(flow: Flow): FlowGraph {
  const known = graphs.get(flow);
  if (known) return known;
  const graph = buildGraph(flow);
  graphs.set(flow, graph);
  return graph;
}

export function createStepState(flow: Flow, session: Session, ctx: StepContext): StepState {
  return {
    flow,
    graph: graphOf(flow),
    ctx,
    session: { ...session, variables: { ...session.variables }, contact: { ...session.contact } },
    effects: [],
    transitions: 0,
    budget: ctx.maxTransitions ?? DEFAULT_MAX_TRANSITIONS,
  };
}

export function scheduleTimer(
  st: StepState,
  nodeId: string | null,
  at: number,
  purpose: 'delay' | 'reply_timeout' | 'idle',
): string {
  const timerId = st.ctx.newId('timer');
  st.effects.push({ type: 'schedule_timer', timerId, nodeId, at, purpose });
  return timerId;
}

export function notice(st: StepState, code: string, nodeId: string | null, message: string): void {
  st.effects.push({ type: 'notice', code, nodeId, message });
}

function timerOf(waiting: Waiting | null): string | undefined {
  if (waiting === null) return undefined;
  if (waiting.on === 'reply' || waiting.on === 'timer') return waiting.timerId;
  return undefined;
}

/** Stops waiting; the timer of the old wait is cancelled unless the new wait keeps it. */
export function replaceWaiting(st: StepState, next: Waiting | null): void {
  const old = timerOf(st.session.waiting);
  if (old !== undefined && old !== timerOf(next)) st.effects.push({ type: 'cancel_timer', timerId: old });
  st.session.waiting = next;
  if (next === null) st.session.status = 'active';
  else st.session.status = next.on === 'handoff' ? 'handoff' : 'waiting';
}

/** Ends the conversation: every pending timer is cancelled and the outcome is recorded. */
export function endSession(st: StepState, outcome: EndOutcome, message: string): void {
  replaceWaiting(st, null);
  cancelIdleTimer(st);
  const nodeId = st.session.nodeId;
  st.effects.push({ type: 'end', outcome, nodeId, message });
  st.session.status = 'ended';
  st.session.nodeId = null;
  st.session.endedReason = outcome;
}

export function cancelIdleTimer(st: StepState): void {
  if (st.session.idleTimerId === null) return;
  st.effects.push({ type: 'cancel_timer', timerId: st.session.idleTimerId });
  st.session.idleTimerId = null;
}

/** Every customer message restarts the session timeout. */
export function refreshIdleTimer(st: StepState): void {
  cancelIdleTimer(st);
  const at = st.ctx.now + st.flow.settings.sessionTimeoutMinutes * 60_000;
  st.session.idleTimerId = scheduleTimer(st, null, at, 'idle');
}
