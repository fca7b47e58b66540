import { z } from 'zod';
import { ReplyId } from '../ids.ts';
import { nodeBase, sessionSendFields, waitFields } from './common.ts';

export const ListRow = z.object({ id: ReplyId, title: z.string(), description: z.string().optional() });
export type ListRow = z.infer<typeof ListRow>;

export const ListSection = z.object({ title: z.string().optional(), rows: z.array(ListRow) });
export type ListSection = z.infer<typeof ListSection>;

/** Sends a list menu and waits; each row has its own port. */
export const ListNode = z.object({
  ...nodeBase,
  kind: z.literal('list'),
  /** Lists take a text header only. */
  header: z.string().optional(),
  body: z.string(),
  footer: z.string().optional(),
  /** The label of the button that opens the list, e.g. "See options". */
  buttonText: z.string(),
  sections: z.array(ListSection).min(1, 'a list needs at least one section'),
  ...waitFields,
  ...sessionSendFields,
});
export type ListNode = z.infer<typeof ListNode>;
