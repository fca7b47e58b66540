import {
  type Effect,
  type EngineInput,
  type InboundMessage,
  type Session,
  type StepContext,
  startSession,
  step,
} from '@parley/flow-engine';
import { Flow, type FlowInput } from '@parley/flow-schema';

/** 2 March 2026 10:00 UTC. */
export const T0 = Date.UTC(2026, 2, 2, 10, 0, 0);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

type NodeInput = FlowInput['nodes'][number];
type EdgeSpec = [from: string, port: string, to: string];

/** A flow from its nodes and `[from, port, to]` edges; starts on any message at the first node unless told. */
export function buildFlow(
  nodes: NodeInput[],
  edges: EdgeSpec[] = [],
  extra: Partial<Omit<FlowInput, 'nodes' | 'edges'>> = {},
): Flow {
  const first = nodes[0]?.id ?? 'start';
  return Flow.parse({
    schemaVersion: 1,
    id: 'test-flow',
    name: 'Test flow',
    triggers: [{ id: 'any', kind: 'inbound_any', start: first }],
    ...extra,
    nodes,
    edges: edges.map(([from, port, to], i) => ({ id: `e${i}`, from: { node: from, port }, to: { node: to } })),
  });
}

export const text = (body: string, id = 'wamid.in'): InboundMessage => ({ kind: 'text', id, text: body });
export const say = (body: string): EngineInput => ({ type: 'message', message: text(body) });
export const tapButton = (replyId: string, title = replyId): EngineInput => ({
  type: 'message',
  message: { kind: 'button_reply', id: 'wamid.tap', replyId, title },
});

/**
 * Drives one conversation through the public `startSession` and `step`, on a
 * clock the test moves by hand, with ids that count up.
 */
export class Conversation {
  now = T0;
  private current: Session | undefined;
  private ids = 0;

  constructor(readonly flow: Flow) {}

  get session(): Session {
    if (this.current === undefined) throw new Error('start the conversation first');
    return this.current;
  }

  set session(session: Session) {
    this.current = session;
  }

  ctx(extra: Partial<StepContext> = {}): StepContext {
    return { now: this.now, newId: (prefix) => `${prefix}-${++this.ids}`, ...extra };
  }

  start(
    input: EngineInput | null = say('hi'),
    {
      contact = { id: '4915550001111', phone: '+4915550001111', name: 'Maria' },
      ...options
    }: {
      lastInboundAt?: number | null;
      contact?: { id: string; phone?: string; name?: string };
    } = {},
  ): Effect[] {
    const trigger = this.flow.triggers[0];
    if (!trigger) throw new Error('the test flow has no trigger');
    const result = startSession({
      flow: this.flow,
      flowVersion: 3,
      contact,
      trigger,
      input,
      ctx: this.ctx(),
      ...options,
    });
    this.session = result.session;
    return result.effects;
  }

  send(input: EngineInput, extra: Partial<StepContext> = {}): Effect[] {
    const result = step(this.flow, this.session, input, this.ctx(extra));
    this.session = result.session;
    return result.effects;
  }

  later(ms: number): this {
    this.now += ms;
    return this;
  }
}

export function sends(effects: Effect[]) {
  return effects.flatMap((e) => (e.type === 'send' ? [e] : []));
}

/** A nested field of an untyped value, for reading payloads in assertions. */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const key of path)
    current = typeof current === 'object' && current !== null ? Reflect.get(current, key) : undefined;
  return current;
}

/** The visible text of each message: text bodies, interactive bodies, template names. */
export function said(effects: Effect[]): string[] {
  return sends(effects).map(({ payload }) => {
    if (payload.type === 'text') return String(at(payload, 'text', 'body'));
    if (payload.type === 'interactive') return String(at(payload, 'interactive', 'body', 'text'));
    if (payload.type === 'template') return `template:${String(at(payload, 'template', 'name'))}`;
    return payload.type;
  });
}

export function ofType<T extends Effect['type']>(effects: Effect[], type: T): Extract<Effect, { type: T }>[] {
  return effects.filter((e): e is Extract<Effect, { type: T }> => e.type === type);
}

export function ending(effects: Effect[]) {
  return ofType(effects, 'end')[0];
}
