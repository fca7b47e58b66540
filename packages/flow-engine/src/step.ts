import type { Flow } from '@parley/flow-schema';
import type { StepContext, StepResult } from './effects.ts';
import { applyGlobalWord } from './global-actions.ts';
import { detectGlobalWord } from './global-words.ts';
import type { EngineInput, InboundMessage } from './input.ts';
import { replyToNode, resumeNode } from './nodes/index.ts';
import { messageText } from './reply-match.ts';
import { sendFailed } from './send-failed.ts';
import type { Session } from './session.ts';
import { createStepState, endSession, refreshIdleTimer, type StepState } from './step-state.ts';
import { follow } from './walk.ts';

/**
 * Advances one conversation by one input. Pure: the result depends only on the
 * arguments (time and ids come from `ctx`), nothing is performed, and the given
 * session is not modified. Never throws on a valid flow and a valid input.
 * Inputs the session is not waiting on (a stale timer, an old request's result)
 * leave it unchanged with no effects.
 */
export function step(flow: Flow, session: Session, input: EngineInput, ctx: StepContext): StepResult<Session> {
  if (session.status === 'ended') return { session, effects: [] };
  const st = createStepState(flow, session, ctx);
  if (session.flowId !== flow.id) {
    endSession(st, 'broken_flow', `This conversation runs flow "${session.flowId}" but was given flow "${flow.id}".`);
  } else if (session.nodeId !== null && st.graph.node(session.nodeId) === undefined) {
    endSession(
      st,
      'broken_flow',
      `Node "${session.nodeId}" no longer exists in version ${session.flowVersion} of flow "${flow.id}", so this conversation cannot go on.`,
    );
  } else if (!dispatch(st, input)) {
    return { session, effects: [] };
  }
  st.session.updatedAt = ctx.now;
  return { session: st.session, effects: st.effects };
}

/** Routes an input to what the session waits on; false when it waits on something else. */
function dispatch(st: StepState, input: EngineInput): boolean {
  const waiting = st.session.waiting;
  const node = waiting?.nodeId === undefined ? undefined : st.graph.node(waiting.nodeId);
  switch (input.type) {
    case 'message':
      receiveMessage(st, input.message);
      return true;
    case 'timer':
      return fireTimer(st, input.timerId);
    case 'http_result':
      if (waiting?.on !== 'http' || waiting.requestId !== input.requestId || !node) return false;
      follow(st, node, resumeNode(node, st, input) ?? { kind: 'next', port: 'error' });
      return true;
    case 'ai_result':
      if (waiting?.on !== 'ai' || waiting.requestId !== input.requestId || !node) return false;
      follow(st, node, resumeNode(node, st, input) ?? { kind: 'next', port: 'error' });
      return true;
    case 'handoff_released':
      if (waiting?.on !== 'handoff') return false;
      if (!node) endSession(st, 'completed', 'An agent handed the conversation back; the bot has nothing more to do.');
      else follow(st, node, resumeNode(node, st, input) ?? { kind: 'next', port: 'released' });
      return true;
    case 'send_failed':
      return sendFailed(st, input);
    case 'event':
      // Events start flows (see startSession); a running conversation ignores them.
      return false;
  }
}

/** The customer wrote: refresh the window and the idle timer, then global words, then the node. */
export function receiveMessage(st: StepState, message: InboundMessage): void {
  st.session.lastInboundAt = windowOpenedAt(st.session.lastInboundAt, message, st.ctx.now);
  st.session.variables.last_message = messageText(message) ?? '';
  refreshIdleTimer(st);
  const word = message.kind === 'text' ? detectGlobalWord(message.text, st.flow.settings) : undefined;
  if (word?.kind === 'opt_out' && message.kind === 'text') {
    applyGlobalWord(st, word, message.text);
    return;
  }
  if (st.session.status === 'handoff') return;
  if (word !== undefined && message.kind === 'text') {
    applyGlobalWord(st, word, message.text);
    return;
  }
  const waiting = st.session.waiting;
  if (waiting?.on !== 'reply') return;
  const node = st.graph.node(waiting.nodeId);
  if (!node) return;
  const outcome = replyToNode(node, st, message, waiting);
  if (outcome) follow(st, node, outcome);
}

function fireTimer(st: StepState, timerId: string): boolean {
  if (timerId === st.session.idleTimerId) {
    st.session.idleTimerId = null;
    endSession(st, 'idle_timeout', `Nobody wrote for ${st.flow.settings.sessionTimeoutMinutes} minutes.`);
    return true;
  }
  const waiting = st.session.waiting;
  if (waiting === null || waiting.on === 'http' || waiting.on === 'ai' || waiting.on === 'handoff') return false;
  if (waiting.timerId !== timerId) return false;
  const node = st.graph.node(waiting.nodeId);
  if (!node) return false;
  // The timer has fired: it must not be cancelled as the wait ends.
  if (waiting.on === 'reply') {
    st.session.waiting = { ...waiting, timerId: undefined };
    follow(st, node, { kind: 'next', port: 'timeout' });
  } else {
    st.session.waiting = null;
    follow(st, node, resumeNode(node, st, { type: 'timer', timerId }) ?? { kind: 'next', port: 'next' });
  }
  return true;
}

/**
 * The window opens when the customer sent the message, which may be well
 * before the runtime processes it. A timestamp from the future (a skewed
 * clock) is capped at now, and a late-processed older message never moves the
 * window back from a newer one.
 */
function windowOpenedAt(previous: number | null, message: InboundMessage, now: number): number {
  const sent = Math.min(message.at ?? now, now);
  return previous === null ? sent : Math.min(Math.max(previous, sent), now);
}
