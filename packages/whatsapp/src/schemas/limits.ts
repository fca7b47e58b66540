import { ACCEPTED_LIMITS, OUTBOUND_MEDIA } from '@parley/whatsapp-rules';

/**
 * Limits the Cloud API applies to outbound payloads (reference §2.1, §7.2, §10),
 * as Meta accepts them today: the accepted side of the one limits table in
 * @parley/whatsapp-rules, where each number and its reference section live.
 * Meta's messages docs: https://developers.facebook.com/docs/whatsapp/cloud-api/messages
 */
export const CLOUD_API_LIMITS = ACCEPTED_LIMITS;

/** §10.3 supported outbound media: MIME types and the maximum size in bytes, per kind. */
export const MEDIA_LIMITS = OUTBOUND_MEDIA;

export type { MediaKind } from '@parley/whatsapp-rules';
