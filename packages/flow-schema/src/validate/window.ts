import { SERVICE_WINDOW_HOURS } from '@parley/whatsapp-rules';
import type { Flow } from '../flow.ts';
import { delayMs } from '../nodes/delay.ts';
import type { FlowNode } from '../nodes/index.ts';
import { sendsSessionMessage, waitsForCustomer } from '../ports.ts';
import { triggerOpensWindow } from '../triggers.ts';
import { createContext, type Link, type ValidationContext } from './context.ts';
import { findStronglyConnected } from './strongly-connected.ts';

/**
 * Where a node runs relative to the 24-hour customer service window, in the
 * worst case over every path to it: `open` (the customer wrote less than 24
 * hours ago on every path), `maybe_closed` (on some path it is 24 hours or
 * more; `hoursSinceInbound` gives the longest time when it is bounded), or
 * `closed` (on some path the customer has not written at all).
 */
export type WindowState = { state: 'open' | 'maybe_closed' | 'closed'; hoursSinceInbound?: number };

/** Hours for "the customer never wrote". */
const NEVER = Number.POSITIVE_INFINITY;
/** Hours for "a loop adds time without a reply": unbounded, but the customer did write once. */
const UNBOUNDED = Number.MAX_VALUE;
const UNREACHED = Number.NEGATIVE_INFINITY;

/**
 * The window analysis the editor paints on the canvas: one entry per node a
 * trigger reaches (unreachable nodes have none). Pure; linear in the flow's size.
 */
export function analyzeWindow(flow: Flow): Record<string, WindowState> {
  const ctx = createContext(flow, []);
  const hours = hoursSinceInbound(ctx);
  const result: Record<string, WindowState> = {};
  flow.nodes.forEach((node, index) => {
    const value = hours[index] ?? UNREACHED;
    if (value !== UNREACHED && ctx.indexOf.get(node.id) === index) result[node.id] = describe(value);
  });
  return result;
}

function describe(hours: number): WindowState {
  if (hours === NEVER) return { state: 'closed' };
  if (hours === UNBOUNDED) return { state: 'maybe_closed' };
  return { state: hours < SERVICE_WINDOW_HOURS ? 'open' : 'maybe_closed', hoursSinceInbound: hours };
}

/** Reply ports of a waiting node mean the customer just wrote; `timeout` and `window_closed` mean they did not. */
function reopens(node: FlowNode, port: string): boolean {
  return waitsForCustomer(node) && port !== 'timeout' && port !== 'window_closed';
}

/** Hours that pass along a link that does not reopen the window. */
function hoursAlong(node: FlowNode, port: string, sessionTimeoutMinutes: number): number {
  if (node.kind === 'delay') return delayMs(node) / 3_600_000;
  if (port === 'timeout' && waitsForCustomer(node)) return (timeoutOf(node) ?? sessionTimeoutMinutes) / 60;
  return 0;
}

function timeoutOf(node: FlowNode): number | undefined {
  switch (node.kind) {
    case 'buttons':
    case 'list':
    case 'location_request':
    case 'question':
    case 'template':
      return node.timeoutMinutes;
    default:
      return undefined;
  }
}

/**
 * Longest time since the customer last wrote, per node position. Links that
 * reopen the window are constant sources (0 hours), so what remains is a
 * longest-path problem: strongly connected components are taken in
 * topological order; a component with a link that adds time is a loop that
 * can add time forever (unbounded), otherwise its members share one value.
 */
export function hoursSinceInbound(ctx: ValidationContext): Float64Array {
  const value = new Float64Array(ctx.flow.nodes.length).fill(UNREACHED);
  const carried = seedSources(ctx, value);
  const timeout = ctx.flow.settings.sessionTimeoutMinutes;
  const weight = (from: number, link: Link): number => {
    const node = ctx.flow.nodes[from];
    return node === undefined ? 0 : hoursAlong(node, link.port, timeout);
  };
  propagate(value, carried, weight);
  return value;
}

/**
 * Sets trigger starts (0 hours, or never for events and schedules) and the
 * targets of reply ports of reachable waiting nodes (0 hours). Returns the
 * links that carry time along instead.
 */
function seedSources(ctx: ValidationContext, value: Float64Array): Link[][] {
  const reached = ctx.reached();
  for (const trigger of ctx.flow.triggers) {
    const start = ctx.indexOf.get(trigger.start);
    if (start !== undefined) raise(value, start, triggerOpensWindow(trigger) ? 0 : NEVER);
  }
  return ctx.flow.nodes.map((node, position) => {
    const links = ctx.outgoing[position] ?? [];
    if (!waitsForCustomer(node)) return links;
    if (reached[position] === 1) {
      for (const link of links) if (reopens(node, link.port)) raise(value, link.to, 0);
    }
    return links.filter((link) => !reopens(node, link.port));
  });
}

function propagate(value: Float64Array, carried: Link[][], weight: (from: number, link: Link) => number): void {
  const next = carried.map((links) => links.map((link) => link.to));
  const components = findStronglyConnected(value.length, (vertex) => next[vertex] ?? []);
  const componentOf = new Int32Array(value.length);
  components.forEach((members, id) => {
    for (const member of members) componentOf[member] = id;
  });
  // Tarjan lists components after those they lead to, so walking backwards is topological order.
  for (let id = components.length - 1; id >= 0; id--) {
    const members = components[id] ?? [];
    let best = UNREACHED;
    let addsTime = false;
    for (const member of members) {
      best = Math.max(best, value[member] ?? UNREACHED);
      addsTime ||= (carried[member] ?? []).some((link) => componentOf[link.to] === id && weight(member, link) > 0);
    }
    if (best === UNREACHED) continue;
    if (addsTime && best !== NEVER) best = UNBOUNDED;
    for (const member of members) {
      value[member] = best;
      for (const link of carried[member] ?? []) {
        if (componentOf[link.to] !== id) raise(value, link.to, add(best, weight(member, link)));
      }
    }
  }
}

function raise(value: Float64Array, position: number, hours: number): void {
  if (hours > (value[position] ?? UNREACHED)) value[position] = hours;
}

function add(hours: number, more: number): number {
  return hours === NEVER || hours === UNBOUNDED ? hours : hours + more;
}

/** Free-form messages that can be reached when the window may be closed. */
export function checkWindow(ctx: ValidationContext): void {
  const hours = hoursSinceInbound(ctx);
  ctx.flow.nodes.forEach((node, index) => {
    const value = hours[index] ?? UNREACHED;
    if (value < SERVICE_WINDOW_HOURS || !sendsSessionMessage(node)) return;
    const when = explainWhen(value);
    const where = { nodeId: node.id, path: ['nodes', index] };
    if ('fallbackTemplate' in node && node.fallbackTemplate !== undefined) {
      ctx.report(
        'window.template_fallback_used',
        `This message may be sent ${when}; its template fallback "${node.fallbackTemplate.name}" will be sent instead then.`,
        where,
      );
      return;
    }
    const rule =
      value === NEVER
        ? 'WhatsApp only allows templates until the customer writes'
        : 'WhatsApp only allows templates after 24 hours';
    ctx.report(
      'window.session_send_when_closed',
      `This message may be sent ${when}; ${rule}. Add a template fallback or send a template first.`,
      where,
    );
  });
}

function explainWhen(hours: number): string {
  if (hours === NEVER) {
    return 'before the customer has written at all (the flow can start from a business event or a schedule)';
  }
  if (hours === UNBOUNDED) {
    return 'any time after the customer last wrote (a loop with a delay or a timeout can repeat without a reply)';
  }
  const rounded = Math.round(hours * 10) / 10;
  return `${rounded} hour${rounded === 1 ? '' : 's'} after the customer last wrote`;
}
