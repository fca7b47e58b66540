import { z } from 'zod';
import { isBsuid, normalizePhone } from '../identity.ts';
import { CLOUD_API_LIMITS } from '../limits.ts';
import { BAD_VALUE } from './common.ts';
import { Interactive } from './interactive.ts';
import { AudioMedia, DocumentMedia, ImageMedia, StickerMedia, VideoMedia } from './media.ts';
import { ContactsBody, LocationBody, ReactionBody, TextBody } from './simple.ts';
import { TemplateBody } from './template.ts';

/**
 * The full body of `POST /{version}/{phone-number-id}/messages` for a message,
 * reference §1.1 and §2. A payload Meta would reject is rejected here with the
 * field and the rule named. https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages
 */
const Envelope = z.looseObject({
  messaging_product: z.literal('whatsapp'),
  recipient_type: z.enum(['individual', 'group']).optional(),
  /** A phone number (with or without +) or, for groups, a group id. */
  to: z.string().min(1).optional(),
  /** A business-scoped user id (BSUID), since Jul 2026. */
  recipient: z.string().min(1).optional(),
  context: z.looseObject({ message_id: z.string().min(1) }).optional(),
  biz_opaque_callback_data: z.string().max(CLOUD_API_LIMITS.callbackData).optional(),
});

const messageKinds = z.discriminatedUnion('type', [
  Envelope.extend({ type: z.literal('text'), text: TextBody }),
  Envelope.extend({ type: z.literal('image'), image: ImageMedia }),
  Envelope.extend({ type: z.literal('video'), video: VideoMedia }),
  Envelope.extend({ type: z.literal('audio'), audio: AudioMedia }),
  Envelope.extend({ type: z.literal('document'), document: DocumentMedia }),
  Envelope.extend({ type: z.literal('sticker'), sticker: StickerMedia }),
  Envelope.extend({ type: z.literal('location'), location: LocationBody }),
  Envelope.extend({ type: z.literal('contacts'), contacts: ContactsBody }),
  Envelope.extend({ type: z.literal('reaction'), reaction: ReactionBody }),
  Envelope.extend({ type: z.literal('interactive'), interactive: Interactive }),
  Envelope.extend({ type: z.literal('template'), template: TemplateBody }),
]);

/** Meta defaults `type` to text when it is left out. */
function defaultType(input: unknown): unknown {
  if (typeof input === 'object' && input !== null && !('type' in input) && 'text' in input) {
    return { ...input, type: 'text' };
  }
  return input;
}

export const OutboundMessage = z.preprocess(defaultType, messageKinds).superRefine((message, ctx) => {
  if (message.to === undefined && message.recipient === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: 'a message needs a recipient: `to` (phone number) or `recipient` (BSUID)',
      path: ['to'],
      params: { graphCode: 131008 },
    });
  }
  if (message.recipient !== undefined && !isBsuid(message.recipient)) {
    ctx.addIssue({
      code: 'custom',
      message: '`recipient` must be a business-scoped user id such as US.13491208655302741918',
      path: ['recipient'],
      params: BAD_VALUE,
    });
  }
  if (message.to !== undefined && message.recipient_type !== 'group' && normalizePhone(message.to) === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: '`to` must be a phone number of 8 to 15 digits, optionally starting with +',
      path: ['to'],
      params: BAD_VALUE,
    });
  }
});
export type OutboundMessage = z.infer<typeof OutboundMessage>;
export type OutboundMessageType = OutboundMessage['type'];

/**
 * Mark as read, and the typing indicator (the same body plus `typing_indicator`),
 * reference §2.8. Both answer `{"success": true}`.
 */
export const MarkReadRequest = z.looseObject({
  messaging_product: z.literal('whatsapp'),
  status: z.literal('read'),
  message_id: z.string().min(1),
  typing_indicator: z.looseObject({ type: z.literal('text') }).optional(),
});
export type MarkReadRequest = z.infer<typeof MarkReadRequest>;
