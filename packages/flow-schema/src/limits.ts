import { EDITOR_LIMITS, OUTBOUND_MEDIA, SERVICE_WINDOW_HOURS } from '@parley/whatsapp-rules';

/**
 * WhatsApp's limits as the editor and `validateFlow` apply them: the editor's
 * side of the one limits table in @parley/whatsapp-rules, where each number and
 * its reference section live (and, where the editor deliberately allows less
 * than Meta accepts, why).
 */
export const WHATSAPP_LIMITS = {
  ...EDITOR_LIMITS,
  /** §4.1 customer service window */
  serviceWindowHours: SERVICE_WINDOW_HOURS,
} as const;

/** §10.3 supported outbound media types. */
export const MEDIA_MIME_TYPES = {
  image: OUTBOUND_MEDIA.image.mimeTypes,
  video: OUTBOUND_MEDIA.video.mimeTypes,
  audio: OUTBOUND_MEDIA.audio.mimeTypes,
  document: OUTBOUND_MEDIA.document.mimeTypes,
  sticker: OUTBOUND_MEDIA.sticker.mimeTypes,
} as const;

/** File endings that identify each media type when a flow links to a file by URL. */
export const MEDIA_EXTENSIONS = {
  image: OUTBOUND_MEDIA.image.extensions,
  video: OUTBOUND_MEDIA.video.extensions,
  audio: OUTBOUND_MEDIA.audio.extensions,
  document: OUTBOUND_MEDIA.document.extensions,
  sticker: OUTBOUND_MEDIA.sticker.extensions,
} as const;
