import { z } from 'zod';

// Success bodies of the Graph API routes Parley uses, reference §1.2, §7.1, §10.2 and §6.1.

/** `POST /messages` answer. HTTP 200 means accepted, not delivered. */
export const SendSuccess = z.looseObject({
  messaging_product: z.literal('whatsapp'),
  contacts: z.array(z.looseObject({ input: z.string(), wa_id: z.string().optional(), user_id: z.string().optional() })),
  messages: z
    .array(
      z.looseObject({
        id: z.string().min(1),
        message_status: z.enum(['accepted', 'held_for_quality_assessment']).or(z.string()).optional(),
      }),
    )
    .min(1),
});
export type SendSuccess = z.infer<typeof SendSuccess>;

/** Mark as read, typing indicator, deletes. */
export const SuccessResponse = z.looseObject({ success: z.boolean() });
export type SuccessResponse = z.infer<typeof SuccessResponse>;

export const MediaUploadResponse = z.looseObject({ id: z.string().min(1) });
export type MediaUploadResponse = z.infer<typeof MediaUploadResponse>;

/** `GET /{media-id}`: the download URL is valid for five minutes. */
export const MediaInfo = z.looseObject({
  messaging_product: z.literal('whatsapp').optional(),
  url: z.string().min(1),
  mime_type: z.string(),
  sha256: z.string(),
  file_size: z.union([z.string(), z.number()]),
  id: z.string(),
});
export type MediaInfo = z.infer<typeof MediaInfo>;

/** `GET /{phone-number-id}?fields=…`: whichever fields were asked for. */
export const PhoneNumberFields = z.looseObject({
  id: z.string(),
  display_phone_number: z.string().optional(),
  verified_name: z.string().optional(),
  quality_rating: z.string().optional(),
  whatsapp_business_manager_messaging_limit: z.string().optional(),
  throughput: z.looseObject({ level: z.string() }).optional(),
  platform_type: z.string().optional(),
  status: z.string().optional(),
});
export type PhoneNumberFields = z.infer<typeof PhoneNumberFields>;
