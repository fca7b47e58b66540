import type { ErrorClass } from '@parley/whatsapp';

/**
 * How the sender talks to the Cloud API (Meta, or the simulator in sandbox
 * mode). Three outcomes, because the third matters: after a timeout or a
 * dropped connection the message may or may not have gone out.
 */
export type GraphSendOutcome =
  | { kind: 'accepted'; wamid: string }
  /** Meta answered with an error: the message was not accepted. */
  | { kind: 'rejected'; code: number; details: string; httpStatus: number }
  /** No answer: it may have been accepted. Reconcile through status webhooks before resending. */
  | { kind: 'unknown'; reason: string };

export type GraphPort = {
  sendMessage: (body: Record<string, unknown>) => Promise<GraphSendOutcome>;
};

/** The error catalogue, as a port so a test can give a code another meaning. */
export type ClassifyError = (code: number) => ErrorClass;
