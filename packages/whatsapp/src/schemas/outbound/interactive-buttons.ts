import { z } from 'zod';
import { CLOUD_API_LIMITS } from '../limits.ts';
import { BAD_VALUE } from './common.ts';
import { InteractiveFooter, InteractiveHeader, interactiveBody } from './interactive-parts.ts';

// Reply buttons, reference §2.4: 1–3 buttons, id ≤256 without surrounding spaces, title ≤20, ids and titles unique.
// https://developers.facebook.com/docs/whatsapp/cloud-api/messages/interactive-reply-buttons-messages

const ReplyButton = z.looseObject({
  type: z.literal('reply'),
  reply: z.looseObject({
    id: z
      .string()
      .min(1)
      .max(CLOUD_API_LIMITS.replyButtonId)
      .refine((id) => id.trim() === id, {
        message: 'a button id may not start or end with spaces',
        params: BAD_VALUE,
      }),
    title: z.string().min(1).max(CLOUD_API_LIMITS.replyButtonTitle),
  }),
});

/** Adds an issue on every item whose key repeats an earlier one. */
export function requireUnique<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  path: (index: number) => PropertyKey[],
  what: string,
  ctx: z.RefinementCtx,
): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    if (seen.has(key)) {
      ctx.addIssue({
        code: 'custom',
        message: `${what} "${key}" is used twice; each must be unique`,
        path: path(index),
        params: BAD_VALUE,
      });
    }
    seen.add(key);
  });
}

export const ButtonInteractive = z.looseObject({
  type: z.literal('button'),
  header: InteractiveHeader.optional(),
  body: interactiveBody(CLOUD_API_LIMITS.interactiveBody),
  footer: InteractiveFooter.optional(),
  action: z.looseObject({
    buttons: z
      .array(ReplyButton)
      .min(1)
      .max(CLOUD_API_LIMITS.replyButtonsMax)
      .superRefine((buttons, ctx) => {
        requireUnique(
          buttons,
          (b) => b.reply.id,
          (i) => [i, 'reply', 'id'],
          'the button id',
          ctx,
        );
        requireUnique(
          buttons,
          (b) => b.reply.title,
          (i) => [i, 'reply', 'title'],
          'the button title',
          ctx,
        );
      }),
  }),
});
