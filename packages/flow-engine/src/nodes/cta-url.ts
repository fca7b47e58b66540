import type { CtaUrlNode } from '@parley/flow-schema';
import { ctaUrlPayload } from '../payloads/interactive.ts';
import { sendSession } from '../send.ts';
import { renderText } from '../variables.ts';
import { type Handler, next } from './handler.ts';

export const ctaUrlHandler: Handler<CtaUrlNode> = {
  enter(node, st) {
    const render = (text: string) => renderText(st, text, node.id);
    // Values placed in the link are URL-encoded, so an order id cannot break it.
    const renderUrl = (text: string) => renderText(st, text, node.id, encodeURIComponent);
    return sendSession(st, node.id, ctaUrlPayload(node, render, renderUrl), node.fallbackTemplate) ?? next;
  },
};
