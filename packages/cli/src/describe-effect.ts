import type { Effect } from '@parley/flow-engine';
import type { Flow } from '@parley/flow-schema';
import { renderMessage } from './render-message.ts';

function waitText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes}m`;
  if (minutes < 48 * 60 || minutes % (24 * 60) !== 0) return `${Math.round(minutes / 6) / 10}h`.replace('.0h', 'h');
  return `${minutes / (24 * 60)}d`;
}

/**
 * How an effect reads in a terminal chat: bot messages as the customer would
 * see them, the rest as short notes in parentheses. Timers, cancellations and
 * visits are the runtime's bookkeeping and stay silent, except a delay, which
 * tells how far to move the clock.
 */
export function describeEffect(effect: Effect, flow: Flow, now: number): string[] {
  switch (effect.type) {
    case 'send': {
      const [first = '', ...rest] = renderMessage(effect.payload, flow);
      const note = effect.window === 'template' ? ` (template, ${effect.pricing})` : '';
      return [`bot: ${first}${note}`, ...rest.map((line) => `     ${line}`)];
    }
    case 'schedule_timer':
      return effect.purpose === 'delay'
        ? [`(the bot waits ${waitText(effect.at - now)}; type /clock +${waitText(effect.at - now)})`]
        : [];
    case 'http_request':
      return [`(the bot calls ${effect.method} ${effect.url}; answer with /http 200 {"json": "body"})`];
    case 'ai_request':
      return [
        `(the bot asks the AI about "${effect.question}"; answer with /ai <answer>, /ai out_of_scope or /ai error)`,
      ];
    case 'handoff':
      return [`(handed over to a person, queue ${effect.queue}; /release gives it back to the bot)`];
    case 'consent':
      return [`(consent recorded: ${effect.action} ${effect.category})`];
    case 'start_flow':
      return [`(continues in flow "${effect.flowId}", which this chat does not load)`];
    case 'notice':
      return [`(note: ${effect.message})`];
    case 'end':
      return [`(conversation ended: ${effect.outcome}. ${effect.message} Write again to start over.)`];
    case 'cancel_timer':
    case 'visit':
      return [];
  }
}
