import { z } from 'zod';
import { nodeBase, sessionSendFields } from './common.ts';

/**
 * Answers the customer's last message with the runtime's AI provider, confined to
 * the listed topics of the flow's scope. Questions outside them take the
 * `out_of_scope` port: a business bot, never a general-purpose assistant.
 */
export const AiAnswerNode = z.object({
  ...nodeBase,
  kind: z.literal('ai_answer'),
  /** What the answers should be based on and how to speak, in plain words. */
  instructions: z.string(),
  topics: z.array(z.string()).min(1, 'an AI answer must be limited to at least one topic'),
  ...sessionSendFields,
});
export type AiAnswerNode = z.infer<typeof AiAnswerNode>;
