import type { TextNode } from '@parley/flow-schema';
import { textPayload } from '../payloads/text.ts';
import { sendSession } from '../send.ts';
import { notice } from '../step-state.ts';
import { renderText } from '../variables.ts';
import { type Handler, next } from './handler.ts';

export const textHandler: Handler<TextNode> = {
  enter(node, st) {
    const body = renderText(st, node.text, node.id);
    if (body.trim() === '') {
      // WhatsApp rejects an empty text; skipping it keeps the conversation going.
      notice(st, 'empty_message', node.id, `Node "${node.id}" had nothing to say, so no message was sent.`);
      return next;
    }
    return sendSession(st, node.id, textPayload(body, node.previewUrl), node.fallbackTemplate) ?? next;
  },
};
