import { z } from 'zod';
import { NodeId } from '../ids.ts';
import { TemplateMessage } from './template-message.ts';

/** Fields every node has. `position` is the editor's; the engine ignores it. */
export const nodeBase = {
  id: NodeId,
  position: z.object({ x: z.number(), y: z.number() }).default({ x: 0, y: 0 }),
  /** An optional name shown on the canvas, e.g. "Ask for order number". */
  label: z.string().optional(),
};

/**
 * Nodes that send a free-form (session) message. By the time they run the
 * 24-hour window may have closed: then the template fallback goes instead, or
 * the `window_closed` port is followed.
 */
export const sessionSendFields = {
  fallbackTemplate: TemplateMessage.optional(),
};

/** Nodes that wait for the customer. Without a timeout they wait until the session times out. */
export const waitFields = {
  timeoutMinutes: z
    .number()
    .int('a timeout is a whole number of minutes')
    .positive('a timeout is at least 1 minute')
    .optional(),
};

/** A media file: an id from the media upload endpoint, or a public HTTPS link. Never both. */
export const MediaSource = z.union([
  z.object({ mediaId: z.string().min(1, 'a media id cannot be empty') }).strict(),
  z.object({ link: z.url({ protocol: /^https?$/, error: 'a media link is an http(s) URL' }) }).strict(),
]);
export type MediaSource = z.infer<typeof MediaSource>;

export const InteractiveHeader = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({ type: z.literal('image'), media: MediaSource }),
  z.object({ type: z.literal('video'), media: MediaSource }),
  z.object({ type: z.literal('document'), media: MediaSource }),
]);
export type InteractiveHeader = z.infer<typeof InteractiveHeader>;
