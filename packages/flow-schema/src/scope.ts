import { z } from 'zod';

/**
 * What the bot is for. Meta's 2026 terms forbid general-purpose assistants, so
 * every flow states its business purpose from a closed list, in plain words,
 * with the topics it covers; AI answers are confined to those topics.
 */
export const PURPOSES = [
  'customer_service',
  'sales',
  'booking',
  'order_updates',
  'notifications',
  'lead_qualification',
  'marketing',
  'account_support',
] as const;
export const Purpose = z.enum(PURPOSES);
export type Purpose = z.infer<typeof Purpose>;

export const Scope = z.object({
  purpose: Purpose,
  /** One or two sentences a customer would understand: what this bot helps with. */
  summary: z.string(),
  /** Topics the bot covers, e.g. "delivery times", "returns". */
  topics: z.array(z.string()),
});
export type Scope = z.infer<typeof Scope>;

/** How the bot presents itself: an automated assistant, never a person. */
export const BotLabel = z.object({
  name: z.string(),
  /** Sent at the start of every conversation: that this is automated and how to reach a person. */
  disclosure: z.string(),
});
export type BotLabel = z.infer<typeof BotLabel>;
