import type { InboundMessage } from '@parley/flow-engine';
import { z } from 'zod';

const Text = z.object({ text: z.object({ body: z.string() }) });
const Interactive = z.object({
  interactive: z.union([
    z.object({ type: z.literal('button_reply'), button_reply: z.object({ id: z.string(), title: z.string() }) }),
    z.object({ type: z.literal('list_reply'), list_reply: z.object({ id: z.string(), title: z.string() }) }),
  ]),
});
const TemplateButton = z.object({ button: z.object({ payload: z.string().optional(), text: z.string() }) });
const Media = z.object({ id: z.string(), caption: z.string().optional() });
const Location = z.object({
  location: z.object({
    latitude: z.number(),
    longitude: z.number(),
    name: z.string().optional(),
    address: z.string().optional(),
  }),
});
const MEDIA_TYPES = ['image', 'video', 'audio', 'document', 'sticker'] as const;

/**
 * A stored webhook message, reduced to what a flow can react to. Types a flow
 * cannot read come back as `other`; reactions are `ignored` (they are not a turn).
 */
export function mapInbound(raw: Record<string, unknown>): InboundMessage | { kind: 'ignored' } {
  const id = typeof raw.id === 'string' ? raw.id : '';
  const type = typeof raw.type === 'string' ? raw.type : 'unknown';
  switch (type) {
    case 'text': {
      const parsed = Text.safeParse(raw);
      return parsed.success ? { kind: 'text', id, text: parsed.data.text.body } : { kind: 'other', id, type };
    }
    case 'interactive': {
      const parsed = Interactive.safeParse(raw);
      if (!parsed.success) return { kind: 'other', id, type };
      const reply = parsed.data.interactive;
      return reply.type === 'button_reply'
        ? { kind: 'button_reply', id, replyId: reply.button_reply.id, title: reply.button_reply.title }
        : { kind: 'list_reply', id, replyId: reply.list_reply.id, title: reply.list_reply.title };
    }
    case 'button': {
      const parsed = TemplateButton.safeParse(raw);
      if (!parsed.success) return { kind: 'other', id, type };
      const { payload, text } = parsed.data.button;
      return { kind: 'template_button', id, payload: payload ?? text, text };
    }
    case 'location': {
      const parsed = Location.safeParse(raw);
      return parsed.success ? { kind: 'location', id, ...parsed.data.location } : { kind: 'other', id, type };
    }
    case 'reaction':
      return { kind: 'ignored' };
    default: {
      const mediaType = MEDIA_TYPES.find((candidate) => candidate === type);
      const media = mediaType ? Media.safeParse(raw[mediaType]) : undefined;
      if (mediaType && media?.success) {
        return { kind: 'media', id, mediaType, mediaId: media.data.id, caption: media.data.caption };
      }
      return { kind: 'other', id, type };
    }
  }
}
