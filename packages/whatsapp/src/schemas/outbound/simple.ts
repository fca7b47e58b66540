import { z } from 'zod';
import { CLOUD_API_LIMITS } from '../limits.ts';
import { BAD_VALUE } from './common.ts';

// Text, location, contacts and reaction bodies, reference §2.1–§2.2.
// https://developers.facebook.com/docs/whatsapp/cloud-api/messages/text-messages

export const TextBody = z.looseObject({
  body: z.string().min(1).max(CLOUD_API_LIMITS.textBody),
  preview_url: z.boolean().optional(),
});

export const LocationBody = z.looseObject({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  name: z.string().optional(),
  address: z.string().optional(),
});

const ContactName = z.looseObject({
  formatted_name: z.string().min(1),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  middle_name: z.string().optional(),
  suffix: z.string().optional(),
  prefix: z.string().optional(),
});

export const ContactCard = z.looseObject({
  name: ContactName,
  phones: z.array(z.looseObject({ phone: z.string().optional(), type: z.string().optional() })).optional(),
  emails: z.array(z.looseObject({ email: z.string().optional(), type: z.string().optional() })).optional(),
  addresses: z.array(z.looseObject({})).optional(),
  urls: z.array(z.looseObject({ url: z.string().optional() })).optional(),
  org: z.looseObject({}).optional(),
  birthday: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});

export const ContactsBody = z.array(ContactCard).min(1);

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** `emoji: ""` removes a reaction; otherwise it is exactly one emoji (one grapheme). */
export const ReactionBody = z.looseObject({
  message_id: z.string().min(1),
  emoji: z.string().refine((emoji) => [...graphemes.segment(emoji)].length <= 1, {
    message: 'a reaction is a single emoji, or "" to remove it',
    params: BAD_VALUE,
  }),
});
