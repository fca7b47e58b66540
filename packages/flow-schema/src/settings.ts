import { z } from 'zod';

export const Settings = z.object({
  /** Default language of the flow's messages and templates, as a WhatsApp locale code. */
  language: z
    .string()
    .regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'a language is a WhatsApp locale code such as "en" or "en_US"')
    .default('en_US'),
  /** How long a conversation may sit idle before it ends, in minutes. */
  sessionTimeoutMinutes: z
    .number()
    .int('the session timeout is a whole number of minutes')
    .min(1, 'the session timeout is at least 1 minute')
    .max(60 * 24 * 30, 'the session timeout is at most 30 days')
    .default(60 * 24),
  /** A word that hands the conversation to a person from anywhere in the flow. */
  handoffKeyword: z.string().min(1, 'the handoff keyword cannot be empty').default('agent'),
});
export type Settings = z.infer<typeof Settings>;
