import type { Flow } from '@parley/flow-schema';
import type { StepContext, StepResult } from './effects.ts';
import type { EngineInput } from './input.ts';
import { type Contact, SESSION_VERSION, type Session } from './session.ts';
import { receiveMessage } from './step.ts';
import { createStepState, refreshIdleTimer } from './step-state.ts';
import { toJsonValue } from './variables.ts';
import { walkFrom } from './walk.ts';

export type StartSessionArgs = {
  flow: Flow;
  /** The published version the conversation is pinned to. */
  flowVersion: number;
  contact: Contact;
  /** Usually found with `matchTrigger`; the conversation starts at its node. */
  trigger: { start: string };
  /**
   * What started it: the customer's message (consumed as the trigger, so a
   * first question does not take it as its answer) or a business event, whose
   * data becomes `{{event.*}}`. Absent for schedules and jumps.
   */
  input?: EngineInput | null;
  ctx: StepContext;
  /** Defaults to `ctx.newId('session')`. */
  sessionId?: string;
  /** Initial variables, e.g. those carried over by a jump. */
  variables?: Record<string, unknown>;
  /** When the contact last wrote in any conversation: the window may already be open for an event. */
  lastInboundAt?: number | null;
};

/**
 * Creates the session for a trigger and runs the flow until it first waits or
 * ends. A start by the customer's message opens the window and honours global
 * words first ("STOP" opts out instead of greeting). Pure, like `step`.
 */
export function startSession(args: StartSessionArgs): StepResult<Session> {
  const { flow, ctx } = args;
  const variables: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(args.variables ?? {})) variables[name] = toJsonValue(value);
  const session: Session = {
    sessionVersion: SESSION_VERSION,
    id: args.sessionId ?? ctx.newId('session'),
    flowId: flow.id,
    flowVersion: args.flowVersion,
    contact: args.contact,
    status: 'active',
    nodeId: null,
    waiting: null,
    variables,
    lastInboundAt: args.lastInboundAt ?? null,
    disclosed: false,
    idleTimerId: null,
    startedAt: ctx.now,
    updatedAt: ctx.now,
    endedReason: null,
  };
  const st = createStepState(flow, session, ctx);
  const input = args.input ?? null;
  if (input?.type === 'message') {
    receiveMessage(st, input.message);
    if (st.session.status !== 'active') return { session: st.session, effects: st.effects };
  } else {
    if (input?.type === 'event') st.session.variables.event = toJsonValue(input.data);
    refreshIdleTimer(st);
  }
  walkFrom(st, args.trigger.start);
  return { session: st.session, effects: st.effects };
}
