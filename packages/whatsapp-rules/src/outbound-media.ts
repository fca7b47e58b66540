const KB = 1024;
const MB = 1024 * KB;

/**
 * Reference §10.3, supported outbound media, kind by kind: the MIME types Meta
 * takes, the file endings that identify the kind when a flow links to a file
 * by URL, and the largest file Meta takes. A MIME type that does not match the
 * bytes fails with 131053.
 */
export const OUTBOUND_MEDIA = {
  image: { mimeTypes: ['image/jpeg', 'image/png'], extensions: ['jpg', 'jpeg', 'png'], maxBytes: 5 * MB },
  /** H.264 video with AAC audio. */
  video: { mimeTypes: ['video/mp4', 'video/3gpp'], extensions: ['mp4', '3gp', '3gpp'], maxBytes: 16 * MB },
  /** audio/ogg must be OPUS, mono. */
  audio: {
    mimeTypes: ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'],
    extensions: ['aac', 'amr', 'mp3', 'm4a', 'ogg', 'opus'],
    maxBytes: 16 * MB,
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
    extensions: ['txt', 'pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx'],
    maxBytes: 100 * MB,
  },
  /** 100 KB for a static sticker, 500 KB for an animated one; the bytes do not say which, so the larger is kept. */
  sticker: { mimeTypes: ['image/webp'], extensions: ['webp'], maxBytes: 500 * KB },
} as const;

export type MediaKind = keyof typeof OUTBOUND_MEDIA;
