import { formatPath } from '@parley/flow-schema';
import { z } from 'zod';
import { EndOutcome } from '../effects.ts';
import { SendFailureReason } from '../input.ts';
import { parseDuration } from '../simulation/duration.ts';

const Location = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  name: z.string().optional(),
  address: z.string().optional(),
});

// `"opted_out"`, or `{"reason": "rejected", "code": 131053}` when the flow branches on the code.
const SendFailure = z.union([
  SendFailureReason,
  z.object({ reason: SendFailureReason, code: z.number().int().optional() }),
]);

/**
 * The steps of a conversation test, each an object with one key. Actions play
 * the customer, the clock or the business; `expect…` steps check what the bot
 * did. Kept as one table so the error for a wrong step can list them all.
 */
export const STEP_SCHEMAS = {
  customer: z.string(),
  tap: z.string().min(1),
  pick: z.string().min(1),
  share_location: Location,
  customer_media: z.enum(['image', 'video', 'audio', 'document', 'sticker']),
  clock: z
    .string()
    .refine((text) => parseDuration(text) !== undefined, 'a clock jump looks like "+25h", "+30m" or "+2d"'),
  event: z.object({ name: z.string().min(1), data: z.record(z.string(), z.unknown()).default({}) }),
  http_returns: z.object({ status: z.number().int().min(100).max(599), body: z.unknown().optional() }),
  ai_returns: z.object({
    answer: z.string().optional(),
    in_scope: z.boolean().default(true),
    ok: z.boolean().default(true),
  }),
  agent_releases: z.literal(true),
  send_fails: SendFailure,
  expect: z.record(z.string(), z.unknown()),
  expect_template: z.string().min(1),
  expect_no_message: z.literal(true),
  expect_end: EndOutcome,
  expect_handoff: z.literal(true),
  expect_variable: z.record(z.string(), z.unknown()),
  expect_notice: z.string().min(1),
} as const;

export type StepKind = keyof typeof STEP_SCHEMAS;
export type FlowTestStep = { [K in StepKind]: { kind: K; value: z.output<(typeof STEP_SCHEMAS)[K]> } }[StepKind];
export type FlowTestCase = { name: string; steps: FlowTestStep[] };
export type FlowTestFile = { flow: string; tests: FlowTestCase[] };

const FileShape = z.object({
  flow: z.string().min(1, 'name the flow file, e.g. "welcome.json"'),
  tests: z
    .array(z.object({ name: z.string().min(1, 'a test needs a name'), steps: z.array(z.unknown()) }))
    .min(1, 'a test file needs at least one test'),
});

function isStepKind(key: string): key is StepKind {
  return Object.hasOwn(STEP_SCHEMAS, key);
}

function parseStepAs<K extends StepKind>(kind: K, value: unknown) {
  const schema: (typeof STEP_SCHEMAS)[K] = STEP_SCHEMAS[kind];
  return schema.safeParse(value);
}

function parseStep(raw: unknown, where: string): { step: FlowTestStep } | { error: string } {
  const kinds = Object.keys(STEP_SCHEMAS).join(', ');
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { error: `${where}: a step is an object with one key, one of ${kinds}` };
  }
  const keys = Object.keys(raw);
  const key = keys[0];
  if (keys.length !== 1 || key === undefined) {
    return { error: `${where}: a step has exactly one key, this one has ${keys.length} (${keys.join(', ')})` };
  }
  if (!isStepKind(key)) return { error: `${where}: unknown step "${key}"; expected one of ${kinds}` };
  const parsed = parseStepAs(key, Reflect.get(raw, key));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue ? formatPath(issue.path) : '';
    return { error: `${where} (${key}${path ? `.${path}` : ''}): ${issue?.message ?? 'is not valid'}` };
  }
  return { step: toStep(key, parsed.data) };
}

// The parsed value belongs to the kind it was parsed with; this rebuilds the pair.
function toStep<K extends StepKind>(kind: K, value: z.output<(typeof STEP_SCHEMAS)[K]>): FlowTestStep {
  const steps: { [P in StepKind]: (v: z.output<(typeof STEP_SCHEMAS)[P]>) => FlowTestStep } = {
    customer: (v) => ({ kind: 'customer', value: v }),
    tap: (v) => ({ kind: 'tap', value: v }),
    pick: (v) => ({ kind: 'pick', value: v }),
    share_location: (v) => ({ kind: 'share_location', value: v }),
    customer_media: (v) => ({ kind: 'customer_media', value: v }),
    clock: (v) => ({ kind: 'clock', value: v }),
    event: (v) => ({ kind: 'event', value: v }),
    http_returns: (v) => ({ kind: 'http_returns', value: v }),
    ai_returns: (v) => ({ kind: 'ai_returns', value: v }),
    agent_releases: (v) => ({ kind: 'agent_releases', value: v }),
    send_fails: (v) => ({ kind: 'send_fails', value: v }),
    expect: (v) => ({ kind: 'expect', value: v }),
    expect_template: (v) => ({ kind: 'expect_template', value: v }),
    expect_no_message: (v) => ({ kind: 'expect_no_message', value: v }),
    expect_end: (v) => ({ kind: 'expect_end', value: v }),
    expect_handoff: (v) => ({ kind: 'expect_handoff', value: v }),
    expect_variable: (v) => ({ kind: 'expect_variable', value: v }),
    expect_notice: (v) => ({ kind: 'expect_notice', value: v }),
  };
  const build: (v: z.output<(typeof STEP_SCHEMAS)[K]>) => FlowTestStep = steps[kind];
  return build(value);
}

/**
 * Reads a flow test document (already parsed from JSON). Every problem is
 * reported with the test and step it is in, e.g.
 * `tests[0] "happy path", step 3 (clock): a clock jump looks like "+25h"`.
 */
export function parseFlowTestFile(input: unknown): { ok: true; file: FlowTestFile } | { ok: false; errors: string[] } {
  const shape = FileShape.safeParse(input);
  if (!shape.success) {
    return {
      ok: false,
      errors: shape.error.issues.map((issue) => `${formatPath(issue.path) || 'file'}: ${issue.message}`),
    };
  }
  const errors: string[] = [];
  const tests = shape.data.tests.map((test, t) => {
    const steps: FlowTestStep[] = [];
    test.steps.forEach((raw, s) => {
      const parsed = parseStep(raw, `tests[${t}] "${test.name}", step ${s + 1}`);
      if ('error' in parsed) errors.push(parsed.error);
      else steps.push(parsed.step);
    });
    return { name: test.name, steps };
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, file: { flow: shape.data.flow, tests } };
}

/** A step written back as the JSON a user wrote, for reports. */
export function describeStep(step: FlowTestStep): string {
  return JSON.stringify({ [step.kind]: step.value });
}
