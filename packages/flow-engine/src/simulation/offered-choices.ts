import type { Flow } from '@parley/flow-schema';
import { z } from 'zod';
import type { OutboundPayload } from '../effects.ts';
import type { InboundMessage } from '../input.ts';
import { normalizeWords } from '../normalize.ts';

export type OfferedChoice = {
  id: string;
  title: string;
  description?: string;
  /** How WhatsApp reports a tap on it. */
  reply: 'button_reply' | 'list_reply' | 'template_button';
};

// Just the parts of a send body that offer choices; the rest is not needed here.
const Buttons = z.object({
  type: z.literal('interactive'),
  interactive: z.object({
    type: z.literal('button'),
    action: z.object({ buttons: z.array(z.object({ reply: z.object({ id: z.string(), title: z.string() }) })) }),
  }),
});
const List = z.object({
  type: z.literal('interactive'),
  interactive: z.object({
    type: z.literal('list'),
    action: z.object({
      sections: z.array(
        z.object({
          rows: z.array(z.object({ id: z.string(), title: z.string(), description: z.string().optional() })),
        }),
      ),
    }),
  }),
});
const Template = z.object({
  type: z.literal('template'),
  template: z.object({
    name: z.string(),
    components: z
      .array(
        z.object({
          sub_type: z.string().optional(),
          parameters: z.array(z.object({ payload: z.string().optional() })).optional(),
        }),
      )
      .default([]),
  }),
});

/** The buttons, list rows or template quick replies a sent message offers, in display order. */
export function offeredChoices(payload: OutboundPayload, flow?: Flow): OfferedChoice[] {
  const buttons = Buttons.safeParse(payload);
  if (buttons.success) {
    return buttons.data.interactive.action.buttons.map((b) => ({ ...b.reply, reply: 'button_reply' }));
  }
  const list = List.safeParse(payload);
  if (list.success) {
    return list.data.interactive.action.sections.flatMap((s) => s.rows.map((r) => ({ ...r, reply: 'list_reply' })));
  }
  const template = Template.safeParse(payload);
  if (!template.success) return [];
  const titles = quickReplyTitles(flow, template.data.template.name);
  return template.data.template.components
    .filter((c) => c.sub_type === 'quick_reply')
    .flatMap((c) => c.parameters?.map((p) => p.payload) ?? [])
    .filter((id) => id !== undefined)
    .map((id) => ({ id, title: titles.get(id) ?? id, reply: 'template_button' }));
}

/** A template send carries only payloads; the labels come from the flow that names the template. */
function quickReplyTitles(flow: Flow | undefined, name: string): Map<string, string> {
  const titles = new Map<string, string>();
  for (const node of flow?.nodes ?? []) {
    const templates = [node.kind === 'template' ? node.template : undefined];
    if ('fallbackTemplate' in node) templates.push(node.fallbackTemplate);
    for (const template of templates) {
      if (template?.name !== name) continue;
      for (const reply of template.quickReplies) titles.set(reply.payload, reply.title);
    }
  }
  return titles;
}

/** Finds a choice by id or by its title (case and accents ignored). */
export function findChoice(choices: readonly OfferedChoice[], wanted: string): OfferedChoice | undefined {
  const typed = normalizeWords(wanted);
  return choices.find((c) => c.id === wanted) ?? choices.find((c) => normalizeWords(c.title) === typed);
}

/** The webhook message a tap on `choice` produces. */
export function tapMessage(choice: OfferedChoice, messageId: string): InboundMessage {
  if (choice.reply === 'template_button') {
    return { kind: 'template_button', id: messageId, payload: choice.id, text: choice.title };
  }
  return { kind: choice.reply, id: messageId, replyId: choice.id, title: choice.title };
}
