import { z } from 'zod';
import { CLOUD_API_LIMITS } from '../limits.ts';
import { BAD_VALUE, mediaObject } from './common.ts';

// https://developers.facebook.com/docs/whatsapp/cloud-api/messages/image-messages (and audio, video, document, sticker)
// Reference §2.3: id or link, never both; caption on image, video and document only.

const caption = z.string().max(CLOUD_API_LIMITS.mediaCaption).optional();

/** Audio and stickers take no caption; Meta rejects one rather than dropping it. */
const noCaption = z
  .unknown()
  .refine((value) => value === undefined, { message: 'this media type takes no caption', params: BAD_VALUE })
  .optional();

export const ImageMedia = mediaObject({ caption });
export const VideoMedia = mediaObject({ caption });
export const DocumentMedia = mediaObject({ caption, filename: z.string().min(1).optional() });
export const AudioMedia = mediaObject({ voice: z.boolean().optional(), caption: noCaption });
export const StickerMedia = mediaObject({ caption: noCaption });

export type MediaObject = z.infer<typeof ImageMedia>;
