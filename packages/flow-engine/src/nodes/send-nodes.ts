import type { CtaUrlNode, MediaNode, TextNode } from '@parley/flow-schema';
import { ctaUrlPayload, textPayload } from '../payloads/interactive.ts';
import { mediaPayload } from '../payloads/media.ts';
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

export const mediaHandler: Handler<MediaNode> = {
  enter(node, st) {
    const payload = mediaPayload(node, (text) => renderText(st, text, node.id));
    return sendSession(st, node.id, payload, node.fallbackTemplate) ?? next;
  },
};

export const ctaUrlHandler: Handler<CtaUrlNode> = {
  enter(node, st) {
    const render = (text: string) => renderText(st, text, node.id);
    const renderUrl = (text: string) => renderText(st, text, node.id, encodeURIComponent);
    return sendSession(st, node.id, ctaUrlPayload(node, render, renderUrl), node.fallbackTemplate) ?? next;
  },
};
