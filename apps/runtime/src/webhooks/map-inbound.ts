import type { InboundMessage } from '@parley/flow-engine';
import type { InboundWebhookMessage } from '@parley/whatsapp';

const MEDIA_TYPES = ['image', 'video', 'audio', 'document', 'sticker'] as const;

/** Not a turn of the conversation (a reaction): stored, never fed to the engine. */
export type IgnoredMessage = { kind: 'ignored'; id: string };

/**
 * A webhook message, already parsed at the edge, reduced to what a flow can
 * react to, with the time the customer sent it. Types a flow cannot read come
 * back as `other`.
 */
export function mapInbound(message: InboundWebhookMessage, at: number): InboundMessage | IgnoredMessage {
  const { id, type } = message;
  switch (type) {
    case 'text':
      return message.text ? { kind: 'text', id, text: message.text.body, at } : { kind: 'other', id, type, at };
    case 'interactive': {
      const { button_reply: button, list_reply: row } = message.interactive ?? {};
      if (message.interactive?.type === 'button_reply' && button) {
        return { kind: 'button_reply', id, replyId: button.id, title: button.title, at };
      }
      if (message.interactive?.type === 'list_reply' && row) {
        return { kind: 'list_reply', id, replyId: row.id, title: row.title, at };
      }
      return { kind: 'other', id, type, at };
    }
    case 'button': {
      if (!message.button) return { kind: 'other', id, type, at };
      const { payload, text } = message.button;
      return { kind: 'template_button', id, payload: payload ?? text, text, at };
    }
    case 'location':
      return mapLocation(message, at);
    case 'reaction':
      return { kind: 'ignored', id };
    default:
      return mapMedia(message, at);
  }
}

function mapLocation(message: InboundWebhookMessage, at: number): InboundMessage {
  const { id, type } = message;
  const place = message.location;
  if (!place) return { kind: 'other', id, type, at };
  return {
    kind: 'location',
    id,
    latitude: place.latitude,
    longitude: place.longitude,
    ...(place.name === undefined ? {} : { name: place.name }),
    ...(place.address === undefined ? {} : { address: place.address }),
    at,
  };
}

function mapMedia(message: InboundWebhookMessage, at: number): InboundMessage {
  const { id, type } = message;
  const mediaType = MEDIA_TYPES.find((candidate) => candidate === type);
  const media = mediaType ? message[mediaType] : undefined;
  if (!mediaType || !media) return { kind: 'other', id, type, at };
  return {
    kind: 'media',
    id,
    mediaType,
    mediaId: media.id,
    ...(media.caption === undefined ? {} : { caption: media.caption }),
    at,
  };
}
