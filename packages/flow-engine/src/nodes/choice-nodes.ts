import { type ButtonsNode, buttonPort, type ListNode, rowPort } from '@parley/flow-schema';
import { buttonsPayload, listPayload } from '../payloads/interactive.ts';
import { matchChoice } from '../reply-match.ts';
import { sendSession } from '../send.ts';
import { renderText } from '../variables.ts';
import { awaitReply, type Handler, noMatch } from './handler.ts';

const PICK_HINT = 'Please choose one of the options.';

export const buttonsHandler: Handler<ButtonsNode> = {
  enter(node, st) {
    const payload = buttonsPayload(node, (text) => renderText(st, text, node.id));
    return sendSession(st, node.id, payload, node.fallbackTemplate) ?? awaitReply(st, node.id, node.timeoutMinutes);
  },
  reply(node, st, message, waiting) {
    const picked = matchChoice(message, node.buttons);
    if (picked !== undefined) return { kind: 'next', port: buttonPort(picked) };
    return noMatch(
      st,
      node.id,
      waiting,
      PICK_HINT,
      buttonsPayload(node, (text) => renderText(st, text, node.id)),
    );
  },
};

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
