import type { HandoffNode } from '@parley/flow-schema';
import { textPayload } from '../payloads/text.ts';
import { sendSession } from '../send.ts';
import { notice } from '../step-state.ts';
import { renderText } from '../variables.ts';
import type { Handler } from './handler.ts';

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
