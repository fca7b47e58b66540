/**
 * WhatsApp Cloud API limits that a flow must respect, with the reference section
 * each comes from (docs/whatsapp-cloud-api reference; Meta's messages API docs:
 * https://developers.facebook.com/docs/whatsapp/cloud-api/messages). Kept as data so a
 * change by Meta is a one-line change here.
 */
export const WHATSAPP_LIMITS = {
  /** §2.1 text.body */
  textBody: 4096,
  /** §2.1 caption of image, video and document */
  mediaCaption: 1024,
  /** §2.1 interactive body for buttons, cta_url and location_request */
  interactiveBody: 1024,
  /** §2.1 list body: Meta's newer page says 4096, the older one 1024; the safe value is kept */
  listBody: 1024,
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
  /** §7.2 template name: lowercase letters, digits and underscore, ≤512 */
  templateName: 512,
  templateBodyParameter: 1024,
  templateHeaderParameter: 60,
  /** §7.2 template buttons */
  templateButtonsMax: 10,
  /** §1.1 biz_opaque_callback_data (SDK limit) */
  callbackData: 512,
  /** §4.1 customer service window */
  serviceWindowHours: 24,
} as const;

/** §10.3 supported outbound media types. */
export const MEDIA_MIME_TYPES = {
  image: ['image/jpeg', 'image/png'],
  video: ['video/mp4', 'video/3gpp'],
  audio: ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'],
  document: [
    'text/plain',
    'application/pdf',
    'application/msword',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.ms-excel',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.ms-powerpoint',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  ],
  sticker: ['image/webp'],
} as const;

/** File endings that identify each media type when a flow links to a file by URL. */
export const MEDIA_EXTENSIONS = {
  image: ['jpg', 'jpeg', 'png'],
  video: ['mp4', '3gp', '3gpp'],
  audio: ['aac', 'amr', 'mp3', 'm4a', 'ogg', 'opus'],
  document: ['txt', 'pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx'],
  sticker: ['webp'],
} as const;
