import { type ListNode, rowPort } from '@parley/flow-schema';
import { listPayload } from '../payloads/interactive.ts';
import { matchChoice } from '../reply-match.ts';
import { sendSession } from '../send.ts';
import { renderText } from '../variables.ts';
import { awaitReply, type Handler, noMatch, PICK_HINT } from './handler.ts';

export const listHandler: Handler<ListNode> = {
  enter(node, st) {
    const payload = listPayload(node, (text) => renderText(st, text, node.id));
    return sendSession(st, node.id, payload, node.fallbackTemplate) ?? awaitReply(st, node.id, node.timeoutMinutes);
  },
  reply(node, st, message, waiting) {
    const rows = node.sections.flatMap((section) => section.rows);
    const picked = matchChoice(message, rows);
    if (picked !== undefined) return { kind: 'next', port: rowPort(picked) };
    return noMatch(
      st,
      node.id,
      waiting,
      PICK_HINT,
      listPayload(node, (text) => renderText(st, text, node.id)),
    );
  },
};
