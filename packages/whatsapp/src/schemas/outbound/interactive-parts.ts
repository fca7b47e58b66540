import { z } from 'zod';
import { CLOUD_API_LIMITS } from '../limits.ts';
import { boundedText, MediaRef } from './common.ts';

// Headers, bodies and footers shared by the interactive messages, reference §2.1 and §2.4–§2.6.
// https://developers.facebook.com/docs/whatsapp/cloud-api/messages/interactive-reply-buttons-messages

export const TextHeader = z.looseObject({
  type: z.literal('text'),
  text: boundedText(CLOUD_API_LIMITS.interactiveHeaderText),
});

/** Buttons and cta_url take a text or media header; media headers take no caption. */
export const InteractiveHeader = z.discriminatedUnion('type', [
  TextHeader,
  z.looseObject({ type: z.literal('image'), image: MediaRef }),
  z.looseObject({ type: z.literal('video'), video: MediaRef }),
  z.looseObject({ type: z.literal('document'), document: MediaRef }),
]);

export function interactiveBody(max: number) {
  return z.looseObject({ text: boundedText(max) });
}

export const InteractiveFooter = z.looseObject({ text: boundedText(CLOUD_API_LIMITS.interactiveFooter) });
