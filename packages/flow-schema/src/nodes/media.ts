import { z } from 'zod';
import { MediaSource, nodeBase, sessionSendFields } from './common.ts';

export const MediaType = z.enum(['image', 'video', 'audio', 'document', 'sticker']);
export type MediaType = z.infer<typeof MediaType>;

/** Sends an image, video, audio file, document or sticker. Audio and stickers carry no caption. */
export const MediaNode = z.object({
  ...nodeBase,
  kind: z.literal('media'),
  mediaType: MediaType,
  media: MediaSource,
  caption: z.string().optional(),
  /** Documents only: the file name the customer sees. */
  filename: z.string().optional(),
  /** Audio only: send as a voice note (OGG/OPUS). */
  voice: z.boolean().optional(),
  ...sessionSendFields,
});
export type MediaNode = z.infer<typeof MediaNode>;
