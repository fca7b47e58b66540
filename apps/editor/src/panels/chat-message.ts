import type { Flow } from '@parley/flow-schema';
import { z } from 'zod';

// The bot's messages arrive as WhatsApp send bodies; this reads the parts the
// chat panel draws. Unknown shapes still show, as "(a <type> message)".

const Reply = z.object({ id: z.string(), title: z.string() });
const Interactive = z.object({
  type: z.string(),
  header: z.object({ type: z.string(), text: z.string().optional() }).optional(),
  body: z.object({ text: z.string() }).optional(),
  footer: z.object({ text: z.string() }).optional(),
  action: z
    .object({
      buttons: z.array(z.object({ reply: Reply })).optional(),
      button: z.string().optional(),
      sections: z
        .array(
          z.object({
            title: z.string().optional(),
            rows: z.array(Reply.extend({ description: z.string().optional() })),
          }),
        )
        .optional(),
      parameters: z.object({ display_text: z.string().optional(), url: z.string().optional() }).optional(),
    })
    .optional(),
});
const Payload = z.object({
  type: z.string(),
  text: z.object({ body: z.string() }).optional(),
  interactive: Interactive.optional(),
  template: z
    .object({
      name: z.string(),
      components: z
        .array(
          z.object({ type: z.string(), parameters: z.array(z.object({ text: z.string().optional() })).optional() }),
        )
        .optional(),
    })
    .optional(),
  image: z.object({ caption: z.string().optional() }).optional(),
  video: z.object({ caption: z.string().optional() }).optional(),
  document: z.object({ caption: z.string().optional() }).optional(),
});

export type ChatBubble = {
  text: string;
  header?: string;
  footer?: string;
  template?: string;
  buttons: { id: string; title: string }[];
  list?: { button: string; rows: { id: string; title: string; description?: string }[] };
  link?: { text: string; url: string };
};

/** The preview text of every template the flow sends, by name, so the chat shows what WhatsApp would. */
export function templatePreviews(flow: Flow): Map<string, string> {
  const previews = new Map<string, string>();
  for (const node of flow.nodes) {
    const template =
      node.kind === 'template' ? node.template : 'fallbackTemplate' in node ? node.fallbackTemplate : undefined;
    if (template?.previewText) previews.set(template.name, template.previewText);
  }
  return previews;
}

export function readBotMessage(payload: unknown, previews: ReadonlyMap<string, string> = new Map()): ChatBubble {
  const parsed = Payload.safeParse(payload);
  if (!parsed.success) return { text: '(a message the preview cannot show)', buttons: [] };
  const p = parsed.data;
  if (p.text) return { text: p.text.body, buttons: [] };
  if (p.interactive) {
    const i = p.interactive;
    const bubble: ChatBubble = { text: i.body?.text ?? '', buttons: (i.action?.buttons ?? []).map((b) => b.reply) };
    if (i.header?.text) bubble.header = i.header.text;
    if (i.footer) bubble.footer = i.footer.text;
    if (i.action?.sections)
      bubble.list = { button: i.action.button ?? 'Choose', rows: i.action.sections.flatMap((s) => s.rows) };
    if (i.action?.parameters?.url)
      bubble.link = { text: i.action.parameters.display_text ?? 'Open', url: i.action.parameters.url };
    return bubble;
  }
  if (p.template) {
    const values = (p.template.components ?? [])
      .flatMap((c) => (c.parameters ?? []).map((x) => x.text ?? ''))
      .filter((v) => v !== '');
    const preview = previews.get(p.template.name);
    const text = preview
      ? preview.replace(/\{\{\s*(\d+)\s*\}\}/g, (whole, n: string) => values[Number(n) - 1] ?? whole)
      : values.join(' · ');
    return { text, template: p.template.name, buttons: [] };
  }
  const media = p.image ?? p.video ?? p.document;
  return { text: media?.caption ?? `(a ${p.type} message)`, buttons: [] };
}
