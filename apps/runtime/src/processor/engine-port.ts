import {
  type EngineInput,
  type InboundMessage,
  matchTrigger,
  type Session,
  type StepContext,
  type StepResult,
  startSession,
  step,
} from '@parley/flow-engine';
import type { Flow, Trigger } from '@parley/flow-schema';
import type { PublishedFlow } from '../flows/flow-store.ts';

export type StartArgs = {
  flow: PublishedFlow;
  trigger: Pick<Trigger, 'start'>;
  sessionId: string;
  contact: Session['contact'];
  input: EngineInput | null;
  variables?: Record<string, unknown>;
  lastInboundAt: number | null;
  ctx: StepContext;
};

/**
 * What the processor needs from the engine, in the runtime's terms (published
 * flows with their versions). A port so the processor can be driven by a test
 * engine through the same code path; the default is @parley/flow-engine.
 */
export type EnginePort = {
  /** Which published flow a message from a customer with no running conversation starts, if any. */
  matchMessage: (
    flows: readonly PublishedFlow[],
    message: InboundMessage,
  ) => { flow: PublishedFlow; trigger: Trigger } | undefined;
  /** Every published flow a business event starts. */
  matchEvent: (flows: readonly PublishedFlow[], name: string) => { flow: PublishedFlow; trigger: Trigger }[];
  start: (args: StartArgs) => StepResult<Session>;
  step: (flow: Flow, session: Session, input: EngineInput, ctx: StepContext) => StepResult<Session>;
};

export const flowEngine: EnginePort = {
  matchMessage(flows, message) {
    const input: EngineInput = { type: 'message', message };
    const matches = flows.flatMap((flow) => {
      const trigger = matchTrigger(flow.flow, input);
      return trigger ? [{ flow, trigger }] : [];
    });
    // Across flows as within one: a keyword or payload beats "any message".
    return matches.find((m) => m.trigger.kind !== 'inbound_any') ?? matches[0];
  },
  matchEvent(flows, name) {
    return flows.flatMap((flow) => {
      const trigger = matchTrigger(flow.flow, { type: 'event', name, data: {} });
      return trigger ? [{ flow, trigger }] : [];
    });
  },
  start: (args) =>
    startSession({
      flow: args.flow.flow,
      flowVersion: args.flow.version,
      contact: args.contact,
      trigger: args.trigger,
      input: args.input,
      ctx: args.ctx,
      sessionId: args.sessionId,
      variables: args.variables,
      lastInboundAt: args.lastInboundAt,
    }),
  step,
};
