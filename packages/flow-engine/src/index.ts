/**
 * @parley/flow-engine: the pure interpreter of Parley flows. `step(flow,
 * session, input, ctx)` advances one conversation by one input and returns the
 * new session plus effects as data (messages to send with their exact Cloud API
 * body, timers, requests, handoffs, consent, analytics); it performs none of
 * them, reads no clock and does no I/O. `startSession` and `matchTrigger` start
 * conversations; the flow-test runner and simulator drive the engine with a
 * simulated clock for `parley test`, `parley chat` and previews.
 */
export { checkAnswer } from './answers.ts';
export {
  Effect,
  EndOutcome,
  OutboundPayload,
  PricingCategory,
  SendEffect,
  type StepContext,
  type StepResult,
} from './effects.ts';
export { type Mismatch, partialMatch } from './flow-test/partial-match.ts';
export { type FlowTestResult, runFlowTest, type StepFailure } from './flow-test/run-flow-test.ts';
export {
  describeStep,
  type FlowTestCase,
  type FlowTestFile,
  type FlowTestStep,
  parseFlowTestFile,
  STEP_SCHEMAS,
} from './flow-test/test-file.ts';
export { detectGlobalWord, type GlobalWord } from './global-words.ts';
export { EngineInput, InboundMessage, SendFailureReason } from './input.ts';
export { matchTrigger } from './match-trigger.ts';
export { GLOBAL_NODE } from './send.ts';
export { Contact, SESSION_VERSION, Session, Waiting } from './session.ts';
export { parseDuration } from './simulation/duration.ts';
export { findChoice, type OfferedChoice, offeredChoices, tapMessage } from './simulation/offered-choices.ts';
export { SIMULATION_START, Simulator, type SimulatorOptions } from './simulation/simulator.ts';
export { type StartSessionArgs, startSession } from './start-session.ts';
export { step } from './step.ts';
export { DEFAULT_MAX_TRANSITIONS } from './step-state.ts';
export { isWindowOpen, SERVICE_WINDOW_MS } from './window.ts';
