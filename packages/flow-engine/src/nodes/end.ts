import type { EndNode } from '@parley/flow-schema';
import { textPayload } from '../payloads/text.ts';
import { sendSession } from '../send.ts';
import { renderText } from '../variables.ts';
import type { Handler } from './handler.ts';

export const endHandler: Handler<EndNode> = {
  enter(node, st) {
    const message = node.message === undefined ? '' : renderText(st, node.message, node.id);
    const detour =
      message.trim() === '' ? undefined : sendSession(st, node.id, textPayload(message), node.fallbackTemplate);
    return detour ?? { kind: 'end', outcome: 'completed', message: 'The conversation reached its end.' };
  },
};
