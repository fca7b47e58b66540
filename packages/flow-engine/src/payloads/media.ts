import type { MediaNode } from '@parley/flow-schema';
import type { OutboundPayload } from '../effects.ts';
import { mediaObject } from './media-object.ts';

/** Image, video, audio, document or sticker. Audio and stickers take no caption (Cloud API §media). */
export function mediaPayload(node: MediaNode, render: (text: string) => string): OutboundPayload {
  const content: Record<string, unknown> = { ...mediaObject(node.media) };
  const type = node.mediaType;
  if (node.caption !== undefined && (type === 'image' || type === 'video' || type === 'document')) {
    const caption = render(node.caption);
    if (caption !== '') content.caption = caption;
  }
  if (type === 'document' && node.filename !== undefined) content.filename = node.filename;
  if (type === 'audio' && node.voice === true) content.voice = true;
  return { type, [type]: content };
}
