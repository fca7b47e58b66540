import type { InboundMessage } from './input.ts';
import { normalizeWords } from './normalize.ts';

export type Choice = { id: string; title: string };

/**
 * Which offered choice a customer's message picks: a tapped button, list row or
 * template quick reply by its id, or a typed text equal to a choice's title or
 * id (people often type "Find a bike" instead of tapping).
 */
export function matchChoice(message: InboundMessage, choices: readonly Choice[]): string | undefined {
  switch (message.kind) {
    case 'button_reply':
    case 'list_reply':
      return choices.find((c) => c.id === message.replyId)?.id;
    case 'template_button':
      return choices.find((c) => c.id === message.payload)?.id ?? byText(message.text, choices);
    case 'text':
      return byText(message.text, choices);
    default:
      return undefined;
  }
}

function byText(text: string, choices: readonly Choice[]): string | undefined {
  const typed = normalizeWords(text);
  if (typed === '') return undefined;
  return choices.find((c) => normalizeWords(c.title) === typed || normalizeWords(c.id) === typed)?.id;
}

/** The words of a customer message, as a text question or `{{last_message}}` sees them. */
export function messageText(message: InboundMessage): string | undefined {
  switch (message.kind) {
    case 'text':
      return message.text;
    case 'button_reply':
    case 'list_reply':
      return message.title;
    case 'template_button':
      return message.text;
    case 'media':
      return message.caption;
    default:
      return undefined;
  }
}
