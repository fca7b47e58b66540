import type { LocationRequestNode } from '@parley/flow-schema';
import { locationRequestPayload } from '../payloads/interactive.ts';
import { sendSession } from '../send.ts';
import { renderText } from '../variables.ts';
import { awaitReply, type Handler, noMatch } from './handler.ts';

export const locationRequestHandler: Handler<LocationRequestNode> = {
  enter(node, st) {
    const payload = locationRequestPayload(node, (text) => renderText(st, text, node.id));
    return sendSession(st, node.id, payload, node.fallbackTemplate) ?? awaitReply(st, node.id, node.timeoutMinutes);
  },
  reply(node, st, message, waiting) {
    if (message.kind === 'location') {
      if (node.saveAs !== undefined) {
        const { latitude, longitude, name, address } = message;
        st.session.variables[node.saveAs] = {
          latitude,
          longitude,
          ...(name === undefined ? {} : { name }),
          ...(address === undefined ? {} : { address }),
        };
      }
      return { kind: 'next', port: 'received' };
    }
    const again = locationRequestPayload(node, (text) => renderText(st, text, node.id));
    return noMatch(st, node.id, waiting, 'Please share your location with the button below.', again);
  },
};
