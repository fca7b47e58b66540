import type { Flow, Trigger } from '@parley/flow-schema';
import type { EngineInput } from './input.ts';
import { normalizeWords } from './normalize.ts';

function keywordMatches(trigger: Extract<Trigger, { kind: 'keyword' }>, text: string): boolean {
  const typed = normalizeWords(text);
  return trigger.keywords.some((keyword) => {
    const wanted = normalizeWords(keyword);
    if (wanted === '') return false;
    if (trigger.match === 'exact') return typed === wanted;
    if (trigger.match === 'starts_with') return typed.startsWith(wanted);
    return typed.includes(wanted);
  });
}

function replyIdOf(input: EngineInput): string | undefined {
  if (input.type !== 'message') return undefined;
  const message = input.message;
  if (message.kind === 'button_reply' || message.kind === 'list_reply') return message.replyId;
  if (message.kind === 'template_button') return message.payload;
  return undefined;
}

/**
 * Which of a flow's triggers an input starts, for a contact with no running
 * conversation in it. Specific triggers win over `inbound_any`: payloads (button,
 * list and template quick-reply ids), then keywords (exact, starts_with or
 * contains; case, accents and surrounding spaces ignored), in the order the flow
 * lists them. Business events match event triggers by name. Schedules are the
 * runtime's to fire, so they never match here.
 */
export function matchTrigger(flow: Pick<Flow, 'triggers'>, input: EngineInput): Trigger | undefined {
  if (input.type === 'event') {
    return flow.triggers.find((t) => t.kind === 'event' && t.event === input.name);
  }
  if (input.type !== 'message') return undefined;
  const replyId = replyIdOf(input);
  const text = input.message.kind === 'text' ? input.message.text : undefined;
  const specific = flow.triggers.find((t) => {
    if (t.kind === 'payload') return replyId !== undefined && t.payloads.includes(replyId);
    if (t.kind === 'keyword') return text !== undefined && keywordMatches(t, text);
    return false;
  });
  return specific ?? flow.triggers.find((t) => t.kind === 'inbound_any');
}
