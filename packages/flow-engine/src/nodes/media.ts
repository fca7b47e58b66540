import type { MediaNode } from '@parley/flow-schema';
import { mediaPayload } from '../payloads/media.ts';
import { sendSession } from '../send.ts';
import { renderText } from '../variables.ts';
import { type Handler, next } from './handler.ts';

export const mediaHandler: Handler<MediaNode> = {
  enter(node, st) {
    const payload = mediaPayload(node, (text) => renderText(st, text, node.id));
    return sendSession(st, node.id, payload, node.fallbackTemplate) ?? next;
  },
};
