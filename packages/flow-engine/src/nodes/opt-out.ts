import type { OptOutNode } from '@parley/flow-schema';
import { textPayload } from '../payloads/text.ts';
import { sendSession } from '../send.ts';
import { renderText } from '../variables.ts';
import { type Handler, next } from './handler.ts';

export const optOutHandler: Handler<OptOutNode> = {
  enter(node, st) {
    const wording = node.confirmation ?? `Opted out of ${node.category} messages`;
    st.effects.push({ type: 'consent', category: node.category, action: 'opt_out', wording, nodeId: node.id });
    const confirmation = node.confirmation === undefined ? '' : renderText(st, node.confirmation, node.id);
    if (confirmation.trim() === '') return next;
    return sendSession(st, node.id, textPayload(confirmation), node.fallbackTemplate) ?? next;
  },
};
