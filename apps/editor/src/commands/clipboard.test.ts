import { describe, expect, it } from 'vitest';
import { copyNodes, pasteNodes } from './clipboard.ts';
import { record, recordSince, redo, replacePresent, startHistory, undo } from './history.ts';
import { moveNodes } from './nodes.ts';
import { welcomeFlow } from './test-flows.ts';

describe('copy and paste', () => {
  it('pastes copies with fresh ids, shifted, keeping the edges between them', () => {
    const flow = welcomeFlow();
    const clipboard = copyNodes(flow, ['ask_name', 'ask_budget']);
    expect(clipboard.edges.map((e) => e.id)).toEqual(['e5']);
    const { flow: next, pasted } = pasteNodes(flow, { clipboard, offset: { x: 40, y: 40 } });
    expect(pasted).toEqual(['question_1', 'question_2']);
    expect(next.nodes.find((n) => n.id === 'question_1')?.position).toEqual({ x: -280, y: 260 });
    expect(next.edges.at(-1)).toMatchObject({
      from: { node: 'question_1', port: 'answered' },
      to: { node: 'question_2' },
    });
    expect(new Set(next.edges.map((e) => e.id)).size).toBe(next.edges.length);
  });
});

describe('history', () => {
  it('undoes and redoes commands in order', () => {
    const flow = welcomeFlow();
    const moved = moveNodes(flow, { greeting: { x: 1, y: 1 } });
    let h = record(startHistory(flow), moved);
    h = undo(h);
    expect(h.present).toBe(flow);
    h = redo(h);
    expect(h.present).toBe(moved);
    expect(undo(undo(h)).present).toBe(flow);
  });

  it('records a drag as one step', () => {
    const flow = welcomeFlow();
    let h = startHistory(flow);
    h = replacePresent(h, moveNodes(flow, { greeting: { x: 1, y: 1 } }));
    h = replacePresent(h, moveNodes(h.present, { greeting: { x: 2, y: 2 } }));
    h = recordSince(h, flow);
    expect(h.past).toEqual([flow]);
    expect(undo(h).present).toBe(flow);
  });

  it('a new command clears what could be redone', () => {
    const flow = welcomeFlow();
    const a = moveNodes(flow, { greeting: { x: 1, y: 1 } });
    const b = moveNodes(flow, { greeting: { x: 9, y: 9 } });
    const h = record(undo(record(startHistory(flow), a)), b);
    expect(h.future).toEqual([]);
    expect(redo(h)).toBe(h);
  });
});
