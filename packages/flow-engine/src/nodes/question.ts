import type { QuestionNode } from '@parley/flow-schema';
import { checkAnswer, defaultRetryPrompt } from '../answers.ts';
import { textPayload } from '../payloads/text.ts';
import { messageText } from '../reply-match.ts';
import { sendSession } from '../send.ts';
import type { Outcome } from '../step-state.ts';
import { renderText } from '../variables.ts';
import { awaitReply, type Handler } from './handler.ts';

export const questionHandler: Handler<QuestionNode> = {
  enter(node, st) {
    const prompt = textPayload(renderText(st, node.prompt, node.id));
    return sendSession(st, node.id, prompt, node.fallbackTemplate) ?? awaitReply(st, node.id, node.timeoutMinutes);
  },
  reply(node, st, message, waiting): Outcome {
    const text = message.kind === 'text' || message.kind.endsWith('_reply') ? messageText(message) : undefined;
    if (text === undefined && st.graph.edgeFrom(node.id, 'no_match') !== undefined) {
      return { kind: 'next', port: 'no_match' };
    }
    const check = checkAnswer(node, text ?? '');
    if (check.ok) {
      st.session.variables[node.saveAs] = check.value;
      return { kind: 'next', port: 'answered' };
    }
    if (waiting.attempts >= node.retries) return { kind: 'next', port: 'invalid' };
    const retry = renderText(st, node.retryPrompt ?? defaultRetryPrompt(node), node.id);
    const detour = sendSession(st, node.id, textPayload(retry), node.fallbackTemplate);
    return detour ?? { kind: 'wait', waiting: { ...waiting, attempts: waiting.attempts + 1 } };
  },
};
