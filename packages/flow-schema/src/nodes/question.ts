import { z } from 'zod';
import { VariableName } from '../ids.ts';
import { nodeBase, sessionSendFields, waitFields } from './common.ts';

export const AnswerType = z.enum(['text', 'number', 'email', 'phone', 'date', 'choice', 'regex']);
export type AnswerType = z.infer<typeof AnswerType>;

/** Asks a question, checks the answer, and keeps it in a variable. */
export const QuestionNode = z.object({
  ...nodeBase,
  kind: z.literal('question'),
  prompt: z.string(),
  answerType: AnswerType,
  /** For `choice`: the accepted answers (matched without regard to case). */
  choices: z.array(z.string()).default([]),
  /** For `regex`: the pattern a valid answer matches. */
  pattern: z.string().optional(),
  saveAs: VariableName,
  /** How many times to ask again after an invalid answer before taking the `invalid` port. */
  retries: z.number().int().min(0, 'retries cannot be negative').max(10, 'at most 10 retries').default(2),
  /** Sent when an answer is not valid; a sensible default is used when absent. */
  retryPrompt: z.string().optional(),
  ...waitFields,
  ...sessionSendFields,
});
export type QuestionNode = z.infer<typeof QuestionNode>;
