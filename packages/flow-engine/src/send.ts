import type { TemplateMessage } from '@parley/flow-schema';
import type { OutboundPayload } from './effects.ts';
import { templatePayload } from './payloads/template.ts';
import { textPayload } from './payloads/text.ts';
import type { Outcome, StepState } from './step-state.ts';
import { renderText } from './variables.ts';
import { isWindowOpen } from './window.ts';

/** The node id on sends that belong to no node (disclosure, global words). Not a valid node id. */
export const GLOBAL_NODE = '(global)';

function windowOpen(st: StepState): boolean {
  return isWindowOpen(st.session.lastInboundAt, st.ctx.now);
}

/**
 * The bot introduces itself before its first message of a conversation. When
 * that first message has to be a template (window closed), the template carries
 * the bot's identity and the disclosure is skipped for good.
 */
function discloseOnce(st: StepState): void {
  if (st.session.disclosed) return;
  st.session.disclosed = true;
  const label = st.flow.botLabel;
  if (label === undefined || label.disclosure.trim() === '' || !windowOpen(st)) return;
  st.effects.push({
    type: 'send',
    sendId: st.ctx.newId('send'),
    nodeId: GLOBAL_NODE,
    payload: textPayload(label.disclosure),
    window: 'session',
    pricing: 'service',
  });
}

export function sendTemplate(st: StepState, nodeId: string, template: TemplateMessage): void {
  discloseOnce(st);
  st.effects.push({
    type: 'send',
    sendId: st.ctx.newId('send'),
    nodeId,
    payload: templatePayload(template, (text) => renderText(st, text, nodeId)),
    window: 'template',
    pricing: template.category,
  });
}

/**
 * Sends a free-form message, which WhatsApp only delivers inside the 24-hour
 * window. With the window closed at `ctx.now` the node's template fallback goes
 * instead (and the flow continues as if sent); without one the flow follows the
 * node's `window_closed` port, or ends. Returns the detour, or nothing when sent.
 */
export function sendSession(
  st: StepState,
  nodeId: string,
  payload: OutboundPayload,
  fallback: TemplateMessage | undefined,
): Outcome | undefined {
  if (!windowOpen(st)) {
    if (fallback !== undefined) {
      sendTemplate(st, nodeId, fallback);
      return undefined;
    }
    const message = `The 24-hour window is closed, so node "${nodeId}" cannot send a free-form message and has no template fallback.`;
    if (st.graph.edgeFrom(nodeId, 'window_closed') !== undefined) return { kind: 'next', port: 'window_closed' };
    return { kind: 'end', outcome: 'window_closed', message };
  }
  discloseOnce(st);
  st.effects.push({
    type: 'send',
    sendId: st.ctx.newId('send'),
    nodeId,
    payload,
    window: 'session',
    pricing: 'service',
    ...(fallback === undefined
      ? {}
      : {
          fallback: {
            payload: templatePayload(fallback, (text) => renderText(st, text, nodeId)),
            pricing: fallback.category,
          },
        }),
  });
  return undefined;
}
