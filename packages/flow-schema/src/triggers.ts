import { z } from 'zod';
import { NodeId } from './ids.ts';

/**
 * What starts a flow, and at which node. Inbound triggers (a customer wrote)
 * open the 24-hour window; event and schedule triggers start with it closed.
 */
const base = { id: z.string().min(1, 'a trigger needs an id'), start: NodeId };

export const InboundAnyTrigger = z.object({ ...base, kind: z.literal('inbound_any') });
export const KeywordTrigger = z.object({
  ...base,
  kind: z.literal('keyword'),
  keywords: z
    .array(z.string().min(1, 'a keyword cannot be empty'))
    .min(1, 'a keyword trigger needs at least one keyword'),
  match: z.enum(['exact', 'starts_with', 'contains']).default('exact'),
});
/** A button or list reply id, or a template quick-reply payload, received outside any running conversation. */
export const PayloadTrigger = z.object({
  ...base,
  kind: z.literal('payload'),
  payloads: z
    .array(z.string().min(1, 'a payload cannot be empty'))
    .min(1, 'a payload trigger needs at least one payload'),
});
/** A business event posted to the runtime's API, e.g. "order_shipped". */
export const EventTrigger = z.object({
  ...base,
  kind: z.literal('event'),
  event: z.string().regex(/^[a-z][a-z0-9_.-]{0,63}$/, 'an event name uses lowercase letters, digits, "_", "." or "-"'),
});
/** A recurring start: a five-field cron expression in the given IANA time zone. */
export const ScheduleTrigger = z.object({
  ...base,
  kind: z.literal('schedule'),
  cron: z.string().min(1, 'a schedule needs a cron expression'),
  timezone: z.string().default('UTC'),
  /** Which contacts the scheduled run is for, by consent category. */
  audience: z.enum(['opted_in_marketing', 'opted_in_utility']).default('opted_in_utility'),
});

export const Trigger = z.discriminatedUnion('kind', [
  InboundAnyTrigger,
  KeywordTrigger,
  PayloadTrigger,
  EventTrigger,
  ScheduleTrigger,
]);
export type Trigger = z.infer<typeof Trigger>;
export type TriggerKind = Trigger['kind'];

/** Whether a conversation started by this trigger begins inside the customer service window. */
export function triggerOpensWindow(trigger: Trigger): boolean {
  switch (trigger.kind) {
    case 'inbound_any':
    case 'keyword':
    case 'payload':
      return true;
    case 'event':
    case 'schedule':
      return false;
  }
}
