import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Flow, type FlowInput } from '../flow.ts';
import { portsOf, waitsForCustomer } from '../ports.ts';
import { validateFlow } from './validate-flow.ts';
import { analyzeWindow, type WindowState } from './window.ts';

type NodeInput = FlowInput['nodes'][number];

type Kind =
  | { kind: 'text' }
  | { kind: 'delay'; hours: number }
  | { kind: 'question'; timeout: number | null }
  | { kind: 'template' };

function buildNode(k: Kind, id: string): NodeInput {
  if (k.kind === 'text') return { id, kind: 'text', text: 'Hi' };
  if (k.kind === 'delay') return { id, kind: 'delay', amount: k.hours, unit: 'hours' };
  if (k.kind === 'question') {
    const timeout = k.timeout === null ? {} : { timeoutMinutes: k.timeout };
    return { id, kind: 'question', prompt: 'Why?', answerType: 'text', saveAs: 'last_message', ...timeout };
  }
  const quickReplies = [{ index: 0, payload: 'ok', title: 'OK' }];
  return { id, kind: 'template', template: { name: 't', language: 'en', category: 'utility', quickReplies } };
}

/** Random small flows of texts, delays, questions and templates with quick replies, wired at random. */
const arbitraryFlow = fc
  .record({
    kinds: fc.array(
      fc.oneof(
        fc.record({ kind: fc.constant('text' as const) }),
        fc.record({ kind: fc.constant('delay' as const), hours: fc.integer({ min: 1, max: 30 }) }),
        fc.record({ kind: fc.constant('question' as const), timeout: fc.option(fc.integer({ min: 1, max: 2000 })) }),
        fc.record({ kind: fc.constant('template' as const) }),
      ),
      { minLength: 1, maxLength: 12 },
    ),
    wiring: fc.array(fc.integer({ min: -3, max: 11 }), { minLength: 60, maxLength: 60 }),
    triggers: fc.array(fc.record({ opens: fc.boolean(), start: fc.nat(11) }), { minLength: 1, maxLength: 3 }),
  })
  .map(({ kinds, wiring, triggers }) => {
    const nodes = kinds.map((k, i) => buildNode(k, `n${i}`));
    const parsed = Flow.parse({ schemaVersion: 1, id: 'random', name: 'Random', nodes });
    let w = 0;
    const edges = parsed.nodes.flatMap((node) =>
      portsOf(node).flatMap((port) => {
        const target = wiring[w++ % wiring.length] ?? -1;
        // Negative or out-of-range wiring leaves the port unconnected.
        return target < 0 || target >= nodes.length
          ? []
          : [{ id: `e${w}`, from: { node: node.id, port: port.id }, to: { node: `n${target}` } }];
      }),
    );
    return Flow.parse({
      schemaVersion: 1,
      id: 'random',
      name: 'Random',
      nodes,
      edges,
      triggers: triggers.map((t, i) =>
        t.opens
          ? { id: `t${i}`, kind: 'keyword', keywords: [`k${i}`], start: `n${t.start % nodes.length}` }
          : { id: `t${i}`, kind: 'event', event: `e${i}`, start: `n${t.start % nodes.length}` },
      ),
      settings: { sessionTimeoutMinutes: 1440 },
    });
  });

type Carried = { from: number; to: number; hours: number };

/** Splits edges into those that reopen the window (a reply) and those that carry time along. */
function classify(flow: Flow, index: Map<string, number>): { carried: Carried[]; resets: Carried[] } {
  const carried: Carried[] = [];
  const resets: Carried[] = [];
  for (const edge of flow.edges) {
    const from = index.get(edge.from.node) ?? 0;
    const to = index.get(edge.to.node) ?? 0;
    const node = flow.nodes[from];
    const port = edge.from.port;
    if (!node) continue;
    if (waitsForCustomer(node) && port !== 'timeout' && port !== 'window_closed') {
      resets.push({ from, to, hours: 0 });
      continue;
    }
    let hours = node.kind === 'delay' ? node.amount : 0;
    if (port === 'timeout' && (node.kind === 'question' || node.kind === 'template')) {
      hours = (node.timeoutMinutes ?? flow.settings.sessionTimeoutMinutes) / 60;
    }
    carried.push({ from, to, hours });
  }
  return { carried, resets };
}

/**
 * The obvious, slow way: Bellman-Ford relaxation for longest paths. Whatever
 * still grows after n rounds sits on or behind a loop that adds time.
 */
function referenceWindow(flow: Flow): Record<string, WindowState> {
  const n = flow.nodes.length;
  const index = new Map(flow.nodes.map((node, i) => [node.id, i]));
  const value = new Array<number>(n).fill(Number.NEGATIVE_INFINITY);
  const reached = new Array<boolean>(n).fill(false);
  const { carried, resets } = classify(flow, index);
  for (const trigger of flow.triggers) {
    const start = index.get(trigger.start) ?? 0;
    reached[start] = true;
    value[start] = Math.max(value[start] ?? 0, trigger.kind === 'event' ? Number.POSITIVE_INFINITY : 0);
  }
  for (let round = 0; round < n; round++) {
    for (const e of [...carried, ...resets]) if (reached[e.from]) reached[e.to] = true;
  }
  for (const r of resets) if (reached[r.from]) value[r.to] = Math.max(value[r.to] ?? 0, 0);
  const relax = () => {
    const grew = new Set<number>();
    for (const e of carried) {
      const candidate = (value[e.from] ?? 0) + e.hours;
      if (candidate > (value[e.to] ?? 0)) {
        value[e.to] = candidate;
        grew.add(e.to);
      }
    }
    return grew;
  };
  for (let round = 0; round < n; round++) relax();
  const unbounded = new Set(relax());
  for (let round = 0; round < n; round++) {
    for (const e of carried) if (unbounded.has(e.from)) unbounded.add(e.to);
  }
  const result: Record<string, WindowState> = {};
  flow.nodes.forEach((node, i) => {
    const v = value[i] ?? Number.NEGATIVE_INFINITY;
    if (!reached[i] || v === Number.NEGATIVE_INFINITY) return;
    if (v === Number.POSITIVE_INFINITY) result[node.id] = { state: 'closed' };
    else if (unbounded.has(i)) result[node.id] = { state: 'maybe_closed' };
    else result[node.id] = { state: v < 24 ? 'open' : 'maybe_closed', hoursSinceInbound: v };
  });
  return result;
}

describe('analyzeWindow against a brute-force reference', () => {
  it('agrees on random flows, loops included', () => {
    fc.assert(
      fc.property(arbitraryFlow, (flow) => {
        expect(analyzeWindow(flow)).toEqual(referenceWindow(flow));
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on random flows', () => {
    fc.assert(
      fc.property(arbitraryFlow, (flow) => {
        expect(Array.isArray(validateFlow(flow))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
