import type { Flow } from '@parley/flow-schema';
import type { Effect, SendEffect, StepContext } from '../effects.ts';
import type { EngineInput, InboundMessage } from '../input.ts';
import { matchTrigger } from '../match-trigger.ts';
import type { Contact, Session } from '../session.ts';
import { startSession } from '../start-session.ts';
import { step } from '../step.ts';

/** 1 March 2026, 09:00 UTC: a fixed start so simulated runs repeat exactly. */
export const SIMULATION_START = Date.UTC(2026, 2, 1, 9, 0, 0);

export type SimulatorOptions = {
  contact?: Contact;
  start?: number;
  flowVersion?: number;
  maxTransitions?: number;
};

export type Pending = { requestId: string; nodeId: string };

/**
 * One contact talking to one flow on a simulated clock: it stands in for the
 * runtime (starts conversations from triggers, keeps timers, fires them when
 * the clock moves, remembers pending requests) without any I/O. Used by flow
 * tests, `parley chat` and previews. Every action returns the effects it caused.
 */
export class Simulator {
  readonly flow: Flow;
  readonly contact: Contact;
  now: number;
  session: Session | null = null;
  /** Every effect since the simulation began, in order. */
  readonly history: Effect[] = [];
  lastInboundAt: number | null = null;
  pendingHttp: Pending | null = null;
  pendingAi: Pending | null = null;
  /** Pending timers by id, with when they fall due. */
  private readonly timers = new Map<string, number>();
  private readonly flowVersion: number;
  private readonly maxTransitions: number | undefined;
  private ids = 0;
  private messageIds = 0;

  constructor(flow: Flow, options: SimulatorOptions = {}) {
    this.flow = flow;
    this.contact = options.contact ?? { id: '4915550001111', phone: '+4915550001111', name: 'Maria' };
    this.now = options.start ?? SIMULATION_START;
    this.flowVersion = options.flowVersion ?? 1;
    this.maxTransitions = options.maxTransitions;
  }

  /** The outgoing message the customer sees last, for taps on its buttons. */
  lastMessage(): SendEffect | undefined {
    for (let i = this.history.length - 1; i >= 0; i--) {
      const effect = this.history[i];
      if (effect?.type === 'send') return effect;
    }
    return undefined;
  }

  messageId(): string {
    this.messageIds += 1;
    return `wamid.sim${this.messageIds}`;
  }

  /** The customer sends a message. */
  receive(message: InboundMessage): Effect[] {
    if (this.running()) return this.apply({ type: 'message', message });
    const input: EngineInput = { type: 'message', message };
    const trigger = matchTrigger(this.flow, input);
    if (trigger === undefined) return [];
    return this.begin(trigger.start, input);
  }

  /** A business event: starts an event-triggered flow when no conversation runs. */
  event(name: string, data: Record<string, unknown>): Effect[] {
    const input: EngineInput = { type: 'event', name, data };
    if (this.running()) return this.apply(input);
    const trigger = matchTrigger(this.flow, input);
    return trigger === undefined ? [] : this.begin(trigger.start, input);
  }

  /** Feeds any other input (request results, handoff release, send failures) to the running conversation. */
  input(input: EngineInput): Effect[] {
    return this.running() ? this.apply(input) : [];
  }

  /** Moves the clock forward, firing due timers in time order. */
  advance(ms: number): Effect[] {
    const until = this.now + ms;
    const effects: Effect[] = [];
    for (;;) {
      // Earliest first; a stable sort keeps timers due together in the order they were set.
      const due = [...this.timers.entries()].filter(([, at]) => at <= until).sort(([, a], [, b]) => a - b)[0];
      if (due === undefined) break;
      const [timerId, at] = due;
      this.timers.delete(timerId);
      this.now = Math.max(this.now, at);
      if (this.running()) effects.push(...this.apply({ type: 'timer', timerId }));
    }
    this.now = until;
    return effects;
  }

  running(): boolean {
    return this.session !== null && this.session.status !== 'ended';
  }

  private context(): StepContext {
    return {
      now: this.now,
      newId: (prefix) => {
        this.ids += 1;
        return `${prefix}-${this.ids}`;
      },
      ...(this.maxTransitions === undefined ? {} : { maxTransitions: this.maxTransitions }),
    };
  }

  private begin(start: string, input: EngineInput): Effect[] {
    this.timers.clear();
    this.pendingHttp = null;
    this.pendingAi = null;
    if (input.type === 'message') this.lastInboundAt = this.now;
    const result = startSession({
      flow: this.flow,
      flowVersion: this.flowVersion,
      contact: this.contact,
      trigger: { start },
      input,
      ctx: this.context(),
      lastInboundAt: this.lastInboundAt,
    });
    this.session = result.session;
    return this.record(result.effects);
  }

  private apply(input: EngineInput): Effect[] {
    if (this.session === null) return [];
    if (input.type === 'message') this.lastInboundAt = this.now;
    const result = step(this.flow, this.session, input, this.context());
    this.session = result.session;
    return this.record(result.effects);
  }

  private record(effects: Effect[]): Effect[] {
    for (const effect of effects) {
      this.history.push(effect);
      if (effect.type === 'schedule_timer') this.timers.set(effect.timerId, effect.at);
      else if (effect.type === 'cancel_timer') this.timers.delete(effect.timerId);
      else if (effect.type === 'http_request')
        this.pendingHttp = { requestId: effect.requestId, nodeId: effect.nodeId };
      else if (effect.type === 'ai_request') this.pendingAi = { requestId: effect.requestId, nodeId: effect.nodeId };
      else if (effect.type === 'end') this.timers.clear();
    }
    return effects;
  }
}
