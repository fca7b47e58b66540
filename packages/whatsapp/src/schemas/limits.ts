/**
 * Limits the Cloud API applies to outbound payloads (reference §2.1, §7.2, §10).
 * Meta's messages docs: https://developers.facebook.com/docs/whatsapp/cloud-api/messages
 * Kept as data so a change by Meta is a one-line change here.
 */
export const CLOUD_API_LIMITS = {
  textBody: 4096,
  mediaCaption: 1024,
  interactiveBody: 1024,
  /** The Dec-2025 list page says 4096; older pages said 1024. Meta accepts 4096 today. */
  listBody: 4096,
  interactiveFooter: 60,
  interactiveHeaderText: 60,
  replyButtonsMax: 3,
  replyButtonTitle: 20,
  replyButtonId: 256,
  listButtonText: 20,
  listSectionsMax: 10,
  listRowsMax: 10,
  listSectionTitle: 24,
  listRowId: 200,
  listRowTitle: 24,
  listRowDescription: 72,
  ctaDisplayText: 20,
  templateName: 512,
  templateBodyParameter: 1024,
  /** Body-only templates take longer parameters (whatsapp-api-js; unconfirmed by Meta). */
  templateBodyOnlyParameter: 32_768,
  templateHeaderParameter: 60,
  templateButtonsMax: 10,
  templateParameterName: 20,
  callbackData: 512,
  phoneDigitsMin: 8,
  phoneDigitsMax: 15,
  bsuidMax: 256,
} as const;

/** §10.3 supported outbound media, MIME type → maximum size in bytes. */
export const MEDIA_LIMITS = {
  image: { mimeTypes: ['image/jpeg', 'image/png'], maxBytes: 5 * 1024 * 1024 },
  video: { mimeTypes: ['video/mp4', 'video/3gpp'], maxBytes: 16 * 1024 * 1024 },
  audio: {
    mimeTypes: ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'],
    maxBytes: 16 * 1024 * 1024,
  },
  document: {
    mimeTypes: [
      'text/plain',
      'application/pdf',
      'application/msword',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.ms-excel',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.ms-powerpoint',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ],
    maxBytes: 100 * 1024 * 1024,
  },
  sticker: { mimeTypes: ['image/webp'], maxBytes: 500 * 1024 },
} as const;

export type MediaKind = keyof typeof MEDIA_LIMITS;
