/**
 * @parley/whatsapp/simulator: a faithful stand-in for Meta's Graph API for
 * tests, benchmarks, the runtime's sandbox and the editor's chat preview.
 * `createSimulator` gives an embeddable Hono app plus handles on its state;
 * `startSimulator` serves it over HTTP on 127.0.0.1.
 */
export { type Clock, createSimClock, type SimClock } from './clock.ts';
export { createSimulator, type Simulator } from './create-simulator.ts';
export type { CustomerActions, CustomerProfile, InboundResult } from './customer.ts';
export type { IdentityChange } from './customer-account.ts';
export { type Fault, FaultSpec, WebhookFaultSpec } from './faults.ts';
export { type LateFailure, LateFailureMatch, LateFailureSpec } from './late-failures.ts';
export {
  HELLO_WORLD,
  SIMULATED_MESSAGING_LIMIT_CODE,
  type SimulatorOptions,
  type TemplateSeed,
  type TierLimitOptions,
} from './options.ts';
export { SERVICE_BILLING_STARTS_AT } from './pricing.ts';
export { CustomerMessage } from './routes/control-schemas.ts';
export { type RunningSimulator, startSimulator } from './start-simulator.ts';
export { bsuidForPhone, type CustomerEvent, type ReceivedMessage } from './state/customers.ts';
export type { RecordedRequest, RequestFilter } from './state/requests.ts';
export type { TemplateEntry } from './state/templates.ts';
export type { DeliveryRecord } from './webhook-delivery.ts';
