import { type DelayNode, delayMs } from '@parley/flow-schema';
import { scheduleTimer } from '../step-state.ts';
import { type Handler, next } from './handler.ts';

export const delayHandler: Handler<DelayNode> = {
  enter(node, st) {
    const timerId = scheduleTimer(st, node.id, st.ctx.now + delayMs(node), 'delay');
    return { kind: 'wait', waiting: { on: 'timer', nodeId: node.id, timerId } };
  },
  resume: () => next,
};
