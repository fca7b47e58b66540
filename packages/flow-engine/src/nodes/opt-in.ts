import type { OptInNode } from '@parley/flow-schema';
import { type Handler, next } from './handler.ts';

export const optInHandler: Handler<OptInNode> = {
  enter(node, st) {
    st.effects.push({
      type: 'consent',
      category: node.category,
      action: 'opt_in',
      wording: node.wording,
      nodeId: node.id,
    });
    return next;
  },
};
