import type { OutboundPayload } from '../effects.ts';

/** A text message; `preview_url` shows a preview of the first link (Cloud API §text). */
export function textPayload(body: string, previewUrl = false): OutboundPayload {
  return { type: 'text', text: { body, preview_url: previewUrl } };
}
