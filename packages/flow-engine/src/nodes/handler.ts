import type { FlowNode } from '@parley/flow-schema';
import type { OutboundPayload } from '../effects.ts';
import type { EngineInput, InboundMessage } from '../input.ts';
import { textPayload } from '../payloads/text.ts';
import { sendSession } from '../send.ts';
import type { Waiting } from '../session.ts';
import { type Outcome, type StepState, scheduleTimer } from '../step-state.ts';

export type ReplyWaiting = Extract<Waiting, { on: 'reply' }>;

/**
 * How one node kind behaves. `enter` runs when the walk reaches the node;
 * `reply` reads a customer message while the session waits on the node;
 * `resume` takes the input the node is paused on (its timer, the result of
 * its request, an agent releasing the conversation). The step checks that the
 * input belongs to the wait before calling these.
 */
export type Handler<N extends FlowNode> = {
  enter: (node: N, st: StepState) => Outcome;
  reply?: (node: N, st: StepState, message: InboundMessage, waiting: ReplyWaiting) => Outcome;
  resume?: (node: N, st: StepState, input: EngineInput) => Outcome;
};

/** Waits for the customer, with a `reply_timeout` timer when the node sets one. */
export function awaitReply(st: StepState, nodeId: string, timeoutMinutes: number | undefined): Outcome {
  const waiting: ReplyWaiting = { on: 'reply', nodeId, attempts: 0 };
  if (timeoutMinutes !== undefined) {
    waiting.timerId = scheduleTimer(st, nodeId, st.ctx.now + timeoutMinutes * 60_000, 'reply_timeout');
  }
  return { kind: 'wait', waiting };
}

/**
 * For an answer that fits no option: the `no_match` port when the author drew
 * one, else a gentle hint and the same message again, still waiting.
 */
export function noMatch(
  st: StepState,
  nodeId: string,
  waiting: ReplyWaiting,
  hint: string,
  again: OutboundPayload | undefined,
): Outcome {
  if (st.graph.edgeFrom(nodeId, 'no_match') !== undefined) return { kind: 'next', port: 'no_match' };
  const detour = sendSession(st, nodeId, textPayload(hint), undefined);
  if (detour) return detour;
  if (again !== undefined) {
    const second = sendSession(st, nodeId, again, undefined);
    if (second) return second;
  }
  return { kind: 'wait', waiting: { ...waiting, attempts: waiting.attempts + 1 } };
}

export const next: Outcome = { kind: 'next', port: 'next' };

export const PICK_HINT = 'Please choose one of the options.';
