import type { FlowNode, NodeKind } from './nodes/index.ts';

/**
 * `main` ports are the paths a flow author is expected to draw; `fallback` ports
 * (no match, timeout, window closed, error) have sensible behaviour when left
 * unconnected, so validation only reminds about them where it matters.
 */
export type PortRole = 'main' | 'fallback';
export type Port = { id: string; label: string; role: PortRole };

const NEXT: Port = { id: 'next', label: 'Next', role: 'main' };
const NO_MATCH: Port = { id: 'no_match', label: 'Anything else', role: 'fallback' };
const TIMEOUT: Port = { id: 'timeout', label: 'No reply in time', role: 'fallback' };
const WINDOW_CLOSED: Port = { id: 'window_closed', label: '24-hour window closed', role: 'fallback' };
// A template can fail after the engine moved on (paused by Meta, opted out,
// undeliverable); unconnected, the conversation ends with the reason.
const NOT_SENT: Port = { id: 'not_sent', label: 'Could not be sent', role: 'fallback' };

export const buttonPort = (replyId: string) => `button:${replyId}`;
export const rowPort = (replyId: string) => `row:${replyId}`;
export const quickReplyPort = (payload: string) => `reply:${payload}`;
export const rulePort = (ruleId: string) => `rule:${ruleId}`;

const portsByKind: { [K in NodeKind]: (node: Extract<FlowNode, { kind: K }>) => Port[] } = {
  text: () => [NEXT, WINDOW_CLOSED],
  media: () => [NEXT, WINDOW_CLOSED],
  buttons: (node) => [
    ...node.buttons.map((b): Port => ({ id: buttonPort(b.id), label: b.title, role: 'main' })),
    NO_MATCH,
    TIMEOUT,
    WINDOW_CLOSED,
  ],
  list: (node) => [
    ...node.sections.flatMap((s) => s.rows.map((r): Port => ({ id: rowPort(r.id), label: r.title, role: 'main' }))),
    NO_MATCH,
    TIMEOUT,
    WINDOW_CLOSED,
  ],
  cta_url: () => [NEXT, WINDOW_CLOSED],
  location_request: () => [
    { id: 'received', label: 'Location received', role: 'main' },
    NO_MATCH,
    TIMEOUT,
    WINDOW_CLOSED,
  ],
  template: (node) =>
    node.template.quickReplies.length === 0
      ? [NEXT, NOT_SENT]
      : [
          ...node.template.quickReplies.map(
            (q): Port => ({ id: quickReplyPort(q.payload), label: q.title, role: 'main' }),
          ),
          NO_MATCH,
          TIMEOUT,
          NOT_SENT,
        ],
  question: () => [
    { id: 'answered', label: 'Valid answer', role: 'main' },
    { id: 'invalid', label: 'Still invalid after retries', role: 'fallback' },
    NO_MATCH,
    TIMEOUT,
    WINDOW_CLOSED,
  ],
  condition: (node) => [
    ...node.rules.map(
      (r): Port => ({ id: rulePort(r.id), label: `${r.variable} ${r.operator} ${r.value}`.trim(), role: 'main' }),
    ),
    { id: 'else', label: 'Otherwise', role: 'main' },
  ],
  set_variables: () => [NEXT],
  http_request: () => [
    { id: 'success', label: 'Success', role: 'main' },
    { id: 'error', label: 'Error', role: 'fallback' },
  ],
  delay: () => [NEXT],
  handoff: () => [{ id: 'released', label: 'Released by agent', role: 'fallback' }],
  ai_answer: () => [
    { id: 'answered', label: 'Answered', role: 'main' },
    { id: 'out_of_scope', label: 'Outside the topics', role: 'main' },
    { id: 'error', label: 'Error', role: 'fallback' },
    WINDOW_CLOSED,
  ],
  opt_in: () => [NEXT],
  opt_out: () => [NEXT],
  jump: () => [],
  end: () => [],
};

/** The output ports of a node, derived from its content (one per button, row, rule…). */
export function portsOf(node: FlowNode): Port[] {
  // The registry is exhaustive over NodeKind; TypeScript cannot correlate the
  // union member with its handler, so the lookup goes through a narrow helper.
  return portsFor(node.kind, node);
}

function portsFor<K extends NodeKind>(kind: K, node: Extract<FlowNode, { kind: K }>): Port[] {
  const handler: (n: Extract<FlowNode, { kind: K }>) => Port[] = portsByKind[kind];
  return handler(node);
}

/** Whether a node stops and waits for the customer to write. */
export function waitsForCustomer(node: FlowNode): boolean {
  switch (node.kind) {
    case 'buttons':
    case 'list':
    case 'location_request':
    case 'question':
      return true;
    case 'template':
      return node.template.quickReplies.length > 0;
    default:
      return false;
  }
}

/** Whether a node sends a free-form (session) message, which needs the 24-hour window open. */
export function sendsSessionMessage(node: FlowNode): boolean {
  switch (node.kind) {
    case 'text':
    case 'media':
    case 'buttons':
    case 'list':
    case 'cta_url':
    case 'location_request':
    case 'question':
    case 'ai_answer':
      return true;
    case 'end':
      return node.message !== undefined && node.message.trim() !== '';
    case 'handoff':
      return node.message !== undefined && node.message.trim() !== '';
    case 'opt_out':
      return node.confirmation !== undefined && node.confirmation.trim() !== '';
    default:
      return false;
  }
}
