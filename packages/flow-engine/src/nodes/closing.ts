import type { EndNode, HandoffNode, JumpNode, OptInNode, OptOutNode } from '@parley/flow-schema';
import { textPayload } from '../payloads/interactive.ts';
import { sendSession } from '../send.ts';
import { notice } from '../step-state.ts';
import { renderText } from '../variables.ts';
import { type Handler, next } from './handler.ts';

export const handoffHandler: Handler<HandoffNode> = {
  enter(node, st) {
    st.effects.push({ type: 'handoff', nodeId: node.id, queue: node.queue, reason: 'node' });
    const message = node.message === undefined ? '' : renderText(st, node.message, node.id);
    if (message.trim() !== '') {
      // The person takes over either way; only the courtesy message depends on the window.
      const detour = sendSession(st, node.id, textPayload(message), node.fallbackTemplate);
      if (detour) notice(st, 'window_closed', node.id, `The handoff message of node "${node.id}" was not sent.`);
    }
    return { kind: 'wait', waiting: { on: 'handoff', nodeId: node.id } };
  },
  resume: () => ({ kind: 'next', port: 'released' }),
};

export const optInHandler: Handler<OptInNode> = {
  enter(node, st) {
    st.effects.push({
      type: 'consent',
      category: node.category,
      action: 'opt_in',
      wording: node.wording,
      nodeId: node.id,
    });
    return next;
  },
};

export const optOutHandler: Handler<OptOutNode> = {
  enter(node, st) {
    const wording = node.confirmation ?? `Opted out of ${node.category} messages`;
    st.effects.push({ type: 'consent', category: node.category, action: 'opt_out', wording, nodeId: node.id });
    const confirmation = node.confirmation === undefined ? '' : renderText(st, node.confirmation, node.id);
    if (confirmation.trim() === '') return next;
    return sendSession(st, node.id, textPayload(confirmation), node.fallbackTemplate) ?? next;
  },
};

export const jumpHandler: Handler<JumpNode> = {
  enter(node, st) {
    st.effects.push({ type: 'start_flow', flowId: node.flowId, variables: { ...st.session.variables } });
    return { kind: 'end', outcome: 'jumped', message: `Continued in flow "${node.flowId}".` };
  },
};

export const endHandler: Handler<EndNode> = {
  enter(node, st) {
    const message = node.message === undefined ? '' : renderText(st, node.message, node.id);
    const detour =
      message.trim() === '' ? undefined : sendSession(st, node.id, textPayload(message), node.fallbackTemplate);
    return detour ?? { kind: 'end', outcome: 'completed', message: 'The conversation reached its end.' };
  },
};
