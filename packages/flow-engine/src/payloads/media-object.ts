import type { MediaSource } from '@parley/flow-schema';

/** A media reference as the Cloud API takes it: an uploaded `id` or a public `link`, never both. */
export function mediaObject(media: MediaSource): { id: string } | { link: string } {
  return 'mediaId' in media ? { id: media.mediaId } : { link: media.link };
}
