import type { FlowNode, NodeKind, NodeOfKind } from '@parley/flow-schema';
import type { EngineInput, InboundMessage } from '../input.ts';
import type { Outcome, StepState } from '../step-state.ts';
import { aiAnswerHandler } from './ai-answer.ts';
import { buttonsHandler } from './buttons.ts';
import { conditionHandler } from './condition.ts';
import { ctaUrlHandler } from './cta-url.ts';
import { delayHandler } from './delay.ts';
import { endHandler } from './end.ts';
import type { Handler, ReplyWaiting } from './handler.ts';
import { handoffHandler } from './handoff.ts';
import { httpRequestHandler } from './http-request.ts';
import { jumpHandler } from './jump.ts';
import { listHandler } from './list.ts';
import { locationRequestHandler } from './location-request.ts';
import { mediaHandler } from './media.ts';
import { optInHandler } from './opt-in.ts';
import { optOutHandler } from './opt-out.ts';
import { questionHandler } from './question.ts';
import { setVariablesHandler } from './set-variables.ts';
import { templateHandler } from './template.ts';
import { textHandler } from './text.ts';

/** One handler per node kind; a new kind without a handler does not compile. */
const handlers: { [K in NodeKind]: Handler<NodeOfKind<K>> } = {
  text: textHandler,
  media: mediaHandler,
  buttons: buttonsHandler,
  list: listHandler,
  cta_url: ctaUrlHandler,
  location_request: locationRequestHandler,
  template: templateHandler,
  question: questionHandler,
  condition: conditionHandler,
  set_variables: setVariablesHandler,
  http_request: httpRequestHandler,
  delay: delayHandler,
  handoff: handoffHandler,
  ai_answer: aiAnswerHandler,
  opt_in: optInHandler,
  opt_out: optOutHandler,
  jump: jumpHandler,
  end: endHandler,
};

// TypeScript cannot correlate a node of the union with its handler, so each
// call goes through a helper generic in the kind, as `portsOf` does.
function handlerFor<K extends NodeKind>(kind: K): Handler<NodeOfKind<K>> {
  return handlers[kind];
}

function enterAs<K extends NodeKind>(kind: K, node: NodeOfKind<K>, st: StepState): Outcome {
  return handlerFor(kind).enter(node, st);
}

function replyAs<K extends NodeKind>(
  kind: K,
  node: NodeOfKind<K>,
  st: StepState,
  message: InboundMessage,
  waiting: ReplyWaiting,
): Outcome | undefined {
  return handlerFor(kind).reply?.(node, st, message, waiting);
}

function resumeAs<K extends NodeKind>(kind: K, node: NodeOfKind<K>, st: StepState, input: EngineInput) {
  return handlerFor(kind).resume?.(node, st, input);
}

/** Runs a node the walk has reached. */
export function enterNode(node: FlowNode, st: StepState): Outcome {
  return enterAs(node.kind, node, st);
}

/** Reads a customer message for a node that waits on a reply; `undefined` if the kind never waits. */
export function replyToNode(
  node: FlowNode,
  st: StepState,
  message: InboundMessage,
  waiting: ReplyWaiting,
): Outcome | undefined {
  return replyAs(node.kind, node, st, message, waiting);
}

/** Gives a paused node the input it waited on; `undefined` if the kind never pauses. */
export function resumeNode(node: FlowNode, st: StepState, input: EngineInput): Outcome | undefined {
  return resumeAs(node.kind, node, st, input);
}
