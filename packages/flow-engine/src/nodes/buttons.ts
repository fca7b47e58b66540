import { type ButtonsNode, buttonPort } from '@parley/flow-schema';
import { buttonsPayload } from '../payloads/interactive.ts';
import { matchChoice } from '../reply-match.ts';
import { sendSession } from '../send.ts';
import { renderText } from '../variables.ts';
import { awaitReply, type Handler, noMatch, PICK_HINT } from './handler.ts';

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
