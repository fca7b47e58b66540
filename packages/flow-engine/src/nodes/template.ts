import { quickReplyPort, type TemplateNode } from '@parley/flow-schema';
import { matchChoice } from '../reply-match.ts';
import { sendTemplate } from '../send.ts';
import { awaitReply, type Handler, next, noMatch } from './handler.ts';

export const templateHandler: Handler<TemplateNode> = {
  enter(node, st) {
    sendTemplate(st, node.id, node.template);
    if (node.template.quickReplies.length === 0) return next;
    return awaitReply(st, node.id, node.timeoutMinutes);
  },
  reply(node, st, message, waiting) {
    const choices = node.template.quickReplies.map((q) => ({ id: q.payload, title: q.title }));
    const picked = matchChoice(message, choices);
    if (picked !== undefined) return { kind: 'next', port: quickReplyPort(picked) };
    // A template is paid for; the hint points back at it instead of sending it again.
    return noMatch(st, node.id, waiting, 'Please tap one of the buttons in the message above.', undefined);
  },
};
