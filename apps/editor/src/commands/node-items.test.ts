import { describe, expect, it } from 'vitest';
import { addButton, addRow, addRule, addSection, removeButton, removeRow, removeRule } from './node-items.ts';
import { welcomeFlow } from './test-flows.ts';

const find = (flow: ReturnType<typeof welcomeFlow>, id: string) => flow.nodes.find((n) => n.id === id);

describe('buttons, rows and rules', () => {
  it('adds a fourth button with a fresh id (validation, not the editor, flags the limit)', () => {
    const next = addButton(welcomeFlow(), { nodeId: 'greeting', title: 'More' });
    const node = find(next, 'greeting');
    expect(node?.kind === 'buttons' && node.buttons.map((b) => b.id)).toEqual([
      'find_bike',
      'test_ride',
      'talk_person',
      'b1',
    ]);
  });

  it('removes a button and the edge of its port', () => {
    const next = removeButton(welcomeFlow(), { nodeId: 'greeting', buttonId: 'test_ride' });
    expect(next.edges.some((e) => e.from.port === 'button:test_ride')).toBe(false);
  });

  it('adds and removes list rows and sections', () => {
    const withRow = addRow(welcomeFlow(), { nodeId: 'ask_use', section: 0 });
    const list = find(withRow, 'ask_use');
    expect(list?.kind === 'list' && list.sections[0]?.rows.at(-1)?.id).toBe('r1');
    const withSection = addSection(withRow, { nodeId: 'ask_use' });
    const list2 = find(withSection, 'ask_use');
    expect(list2?.kind === 'list' && list2.sections.length).toBe(2);
    const without = removeRow(withSection, { nodeId: 'ask_use', rowId: 'kids' });
    expect(without.edges.some((e) => e.from.port === 'row:kids')).toBe(false);
  });

  it('adds a rule and keeps the last one', () => {
    const withRule = addRule(welcomeFlow(), { nodeId: 'check_budget' });
    const node = find(withRule, 'check_budget');
    expect(node?.kind === 'condition' && node.rules.map((r) => r.id)).toEqual(['ebike', 'rule1']);
    const one = removeRule(removeRule(withRule, { nodeId: 'check_budget', ruleId: 'rule1' }), {
      nodeId: 'check_budget',
      ruleId: 'ebike',
    });
    const last = find(one, 'check_budget');
    expect(last?.kind === 'condition' && last.rules.length).toBe(1);
  });

  it('ignores an item command aimed at a node of another kind', () => {
    const flow = welcomeFlow();
    expect(addButton(flow, { nodeId: 'ask_use' })).toBe(flow);
  });
});
