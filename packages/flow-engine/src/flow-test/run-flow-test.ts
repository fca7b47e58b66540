import type { Flow } from '@parley/flow-schema';
import type { Effect, OutboundPayload, SendEffect } from '../effects.ts';
import { parseDuration } from '../simulation/duration.ts';
import { findChoice, offeredChoices, tapMessage } from '../simulation/offered-choices.ts';
import { Simulator, type SimulatorOptions } from '../simulation/simulator.ts';
import { type Mismatch, partialMatch } from './partial-match.ts';
import { describeStep, type FlowTestCase, type FlowTestStep } from './test-file.ts';

export type StepFailure = {
  /** 0-based index of the failing step. */
  stepIndex: number;
  step: string;
  message: string;
  expected?: unknown;
  /** The messages the step looked at, as sent. */
  sent?: OutboundPayload[];
  /** Where the closest of them differs from what was expected. */
  mismatches?: Mismatch[];
};

export type FlowTestResult = {
  name: string;
  passed: boolean;
  failure?: StepFailure;
  /** Every effect the conversation caused up to where it stopped, in order, for checks beyond the test's own. */
  effects: Effect[];
};

type Run = {
  sim: Simulator;
  /** Sent messages no `expect` has matched yet, oldest first. */
  unchecked: SendEffect[];
  /** What the latest action caused, for `expect_no_message`. */
  lastAction: Effect[];
};

type Check = { message: string; expected?: unknown; sent?: OutboundPayload[]; mismatches?: Mismatch[] } | undefined;

/**
 * Plays one conversation test against a flow on a simulated clock and stops at
 * the first step that fails, saying what was expected and what the bot sent.
 * Pure: the same flow and test always give the same result.
 */
export function runFlowTest(flow: Flow, test: FlowTestCase, options: SimulatorOptions = {}): FlowTestResult {
  const run: Run = { sim: new Simulator(flow, options), unchecked: [], lastAction: [] };
  for (const [index, step] of test.steps.entries()) {
    const problem = playStep(run, step);
    if (problem !== undefined) {
      const failure = { stepIndex: index, step: describeStep(step), ...problem };
      return { name: test.name, passed: false, failure, effects: [...run.sim.history] };
    }
  }
  return { name: test.name, passed: true, effects: [...run.sim.history] };
}

function act(run: Run, effects: Effect[]): Check {
  run.lastAction = effects;
  for (const effect of effects) if (effect.type === 'send') run.unchecked.push(effect);
  return undefined;
}

function sends(effects: Effect[]): OutboundPayload[] {
  return effects.flatMap((e) => (e.type === 'send' ? [e.payload] : []));
}

function customerSays(run: Run, effects: () => Effect[]): Check {
  const wasRunning = run.sim.running();
  const caused = effects();
  if (!wasRunning && !run.sim.running() && caused.length === 0) {
    return { message: 'No conversation is running and no trigger of the flow starts on this message.' };
  }
  return act(run, caused);
}

function tap(run: Run, wanted: string, what: 'button' | 'row'): Check {
  const offering = [...run.sim.history]
    .reverse()
    .find((e): e is SendEffect => e.type === 'send' && offeredChoices(e.payload, run.sim.flow).length > 0);
  if (offering === undefined) return { message: `The bot has not offered any ${what}s to choose from.` };
  const choices = offeredChoices(offering.payload, run.sim.flow);
  const choice = findChoice(choices, wanted);
  if (choice === undefined) {
    const known = choices.map((c) => `"${c.id}" (${c.title})`).join(', ');
    return {
      message: `There is no ${what} "${wanted}" in the last menu; it offers ${known}.`,
      sent: [offering.payload],
    };
  }
  return customerSays(run, () => run.sim.receive(tapMessage(choice, run.sim.messageId())));
}

function expectMessage(run: Run, expected: unknown, label: string, test: (p: OutboundPayload) => Mismatch[]): Check {
  const results = run.unchecked.map((send) => test(send.payload));
  const hit = results.findIndex((mismatches) => mismatches.length === 0);
  if (hit >= 0) {
    run.unchecked.splice(0, hit + 1);
    return undefined;
  }
  const sent = run.unchecked.map((s) => s.payload);
  if (sent.length === 0) return { message: `Expected ${label}, but the bot sent nothing new.`, expected, sent };
  const closest = results.reduce((best, m) => (m.length < best.length ? m : best));
  return {
    message: `Expected ${label}; none of the ${sent.length} new message(s) matches.`,
    expected,
    sent,
    mismatches: closest,
  };
}

function templateName(payload: OutboundPayload): unknown {
  const template = payload.template;
  return typeof template === 'object' && template !== null ? Reflect.get(template, 'name') : undefined;
}

// One function per step kind keeps the table exhaustive and each rule short.
function playStep(run: Run, step: FlowTestStep): Check {
  const sim = run.sim;
  switch (step.kind) {
    case 'customer':
      return customerSays(run, () => sim.receive({ kind: 'text', id: sim.messageId(), text: step.value }));
    case 'tap':
      return tap(run, step.value, 'button');
    case 'pick':
      return tap(run, step.value, 'row');
    case 'share_location':
      return customerSays(run, () => sim.receive({ kind: 'location', id: sim.messageId(), ...step.value }));
    case 'customer_media':
      return customerSays(run, () =>
        sim.receive({ kind: 'media', id: sim.messageId(), mediaType: step.value, mediaId: `media-${sim.now}` }),
      );
    case 'clock':
      return act(run, sim.advance(parseDuration(step.value) ?? 0));
    case 'event':
      return act(run, sim.event(step.value.name, step.value.data));
    case 'http_returns': {
      const pending = sim.pendingHttp;
      if (pending === null) return { message: 'The flow is not waiting for an HTTP response.' };
      const { status, body } = step.value;
      sim.pendingHttp = null;
      const ok = status >= 200 && status < 300;
      return act(run, sim.input({ type: 'http_result', requestId: pending.requestId, ok, status, body }));
    }
    case 'ai_returns': {
      const pending = sim.pendingAi;
      if (pending === null) return { message: 'The flow is not waiting for an AI answer.' };
      sim.pendingAi = null;
      const { ok, in_scope: inScope, answer } = step.value;
      const input = { type: 'ai_result' as const, requestId: pending.requestId, ok, inScope };
      return act(run, sim.input(answer === undefined ? input : { ...input, answer }));
    }
    case 'agent_releases':
      return act(run, sim.input({ type: 'handoff_released' }));
    case 'send_fails': {
      const last = sim.lastMessage();
      if (last === undefined) return { message: 'The bot has sent nothing that could fail.' };
      const failure = typeof step.value === 'string' ? { reason: step.value } : step.value;
      return act(run, sim.input({ type: 'send_failed', nodeId: last.nodeId, ...failure }));
    }
    case 'expect':
      return expectMessage(run, step.value, 'a message like this', (p) => partialMatch(step.value, p));
    case 'expect_template':
      return expectMessage(run, step.value, `template "${step.value}"`, (p) =>
        partialMatch(
          { type: 'template', template: { name: step.value } },
          { ...p, template: { name: templateName(p) } },
        ),
      );
    case 'expect_no_message': {
      const sent = sends(run.lastAction);
      return sent.length === 0 ? undefined : { message: `Expected no message, but the bot sent ${sent.length}.`, sent };
    }
    case 'expect_end':
      return expectEnd(run, step.value);
    case 'expect_handoff':
      return sim.history.some((e) => e.type === 'handoff') && sim.session?.status !== 'ended'
        ? undefined
        : { message: `Expected the conversation to be with a person; it is ${describeState(run)}.` };
    case 'expect_variable':
      return expectVariables(run, step.value);
    case 'expect_notice':
      return sim.history.some((e) => e.type === 'notice' && e.code === step.value)
        ? undefined
        : { message: `Expected a "${step.value}" notice; there was none.` };
  }
}

function describeState(run: Run): string {
  const session = run.sim.session;
  if (session === null) return 'not started';
  if (session.status === 'ended') return `ended (${session.endedReason})`;
  if (session.status === 'handoff') return 'with a person';
  return session.nodeId === null ? session.status : `waiting at node "${session.nodeId}"`;
}

function expectEnd(run: Run, outcome: string): Check {
  const session = run.sim.session;
  if (session?.status === 'ended' && session.endedReason === outcome) return undefined;
  const ending = [...run.sim.history].reverse().find((e) => e.type === 'end');
  const why = ending?.type === 'end' && session?.status === 'ended' ? `: ${ending.message}` : '';
  return {
    message: `Expected the conversation to end with "${outcome}"; it is ${describeState(run)}${why}`,
    expected: outcome,
  };
}

function expectVariables(run: Run, expected: Record<string, unknown>): Check {
  const variables = run.sim.session?.variables ?? {};
  const mismatches = Object.entries(expected).flatMap(([name, value]) => partialMatch(value, variables[name], name));
  if (mismatches.length === 0) return undefined;
  const names = mismatches.map((m) => m.path).join(', ');
  return { message: `The variable(s) ${names} do not hold what was expected.`, expected, mismatches };
}
