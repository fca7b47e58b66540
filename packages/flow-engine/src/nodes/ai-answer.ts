import type { AiAnswerNode } from '@parley/flow-schema';
import { textPayload } from '../payloads/text.ts';
import { sendSession } from '../send.ts';
import type { Handler } from './handler.ts';

export const aiAnswerHandler: Handler<AiAnswerNode> = {
  enter(node, st) {
    const requestId = st.ctx.newId('request');
    const last = st.session.variables.last_message;
    st.effects.push({
      type: 'ai_request',
      requestId,
      nodeId: node.id,
      question: typeof last === 'string' ? last : '',
      instructions: node.instructions,
      topics: node.topics,
    });
    return { kind: 'wait', waiting: { on: 'ai', nodeId: node.id, requestId } };
  },
  resume(node, st, input) {
    if (input.type !== 'ai_result' || !input.ok) return { kind: 'next', port: 'error' };
    if (!input.inScope) return { kind: 'next', port: 'out_of_scope' };
    const answer = input.answer?.trim() ?? '';
    if (answer === '') return { kind: 'next', port: 'error' };
    return sendSession(st, node.id, textPayload(answer), node.fallbackTemplate) ?? { kind: 'next', port: 'answered' };
  },
};
