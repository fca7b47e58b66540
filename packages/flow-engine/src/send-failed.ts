import type { EndOutcome } from './effects.ts';
import type { SendFailureReason } from './input.ts';
import { endSession, notice, type StepState } from './step-state.ts';
import { follow } from './walk.ts';

/** The session variable that says why the last send failed: `{reason, code?}`, for a condition after `not_sent`. */
export const SEND_FAILURE_VARIABLE = 'send_failure';

type Failure = { nodeId: string; reason: SendFailureReason; code?: number | undefined };

// How a failure ends the conversation when the author drew no `not_sent` path.
const ENDS: Record<Exclude<SendFailureReason, 'window_closed' | 'marketing_limited'>, EndOutcome> = {
  template_unavailable: 'template_unavailable',
  opted_out: 'opted_out',
  undeliverable: 'undeliverable',
  rejected: 'send_rejected',
};

const WHY: Record<keyof typeof ENDS, string> = {
  template_unavailable: 'its template is paused, disabled or unknown to Meta',
  opted_out: 'the customer opted out of messages of this kind',
  undeliverable: 'WhatsApp could not deliver it',
  rejected: 'Meta refused it',
};

/**
 * Applies a send the runtime could not make. A closed window follows the
 * node's `window_closed` port, as if the engine had seen it closed. A
 * marketing template held by Meta's per-user limit is retried by the runtime,
 * so the flow stays where it is and only a notice is recorded. Any other
 * failure of a template node follows its `not_sent` port when connected, with
 * the reason in `send_failure`; otherwise the conversation ends with the
 * reason's outcome. A paused template is never taken for a closed window: a
 * `window_closed` path would only try the same template again. Returns false
 * for a node the flow does not have (a global send), leaving the session alone.
 */
export function sendFailed(st: StepState, failure: Failure): boolean {
  const { nodeId, reason, code } = failure;
  const node = st.graph.node(nodeId);
  if (!node) return false;
  const coded = code === undefined ? '' : ` (code ${code})`;
  if (reason === 'marketing_limited') {
    notice(
      st,
      'send.marketing_limited',
      nodeId,
      `Meta held the marketing template of node "${nodeId}" under its per-customer marketing limit${coded}; it is sent again later and the flow waits where it is.`,
    );
    return true;
  }
  st.session.variables[SEND_FAILURE_VARIABLE] = code === undefined ? { reason } : { reason, code };
  st.session.nodeId = nodeId;
  if (reason === 'window_closed') {
    follow(st, node, { kind: 'next', port: 'window_closed' });
  } else if (node.kind === 'template' && st.graph.edgeFrom(nodeId, 'not_sent') !== undefined) {
    follow(st, node, { kind: 'next', port: 'not_sent' });
  } else {
    endSession(st, ENDS[reason], `The message of node "${nodeId}" could not be sent: ${WHY[reason]}${coded}.`);
  }
  return true;
}
