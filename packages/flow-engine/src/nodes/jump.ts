import type { JumpNode } from '@parley/flow-schema';
import type { Handler } from './handler.ts';

export const jumpHandler: Handler<JumpNode> = {
  enter(node, st) {
    st.effects.push({ type: 'start_flow', flowId: node.flowId, variables: { ...st.session.variables } });
    return { kind: 'end', outcome: 'jumped', message: `Continued in flow "${node.flowId}".` };
  },
};
