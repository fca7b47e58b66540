import { describe, expect, it } from 'vitest';
import { addButton } from '../commands/node-items.ts';
import { emptyFlow, welcomeFlow } from '../commands/test-flows.ts';
import { diagnose } from './diagnose.ts';
import { flowFileText, readFlowFile } from './read-flow-file.ts';
import { shortcutOf } from './use-shortcuts.ts';

describe('flow files', () => {
  it('export → import → export gives the same text', () => {
    const text = flowFileText(welcomeFlow());
    const read = readFlowFile('welcome.json', text);
    expect(read.ok && flowFileText(read.flow)).toBe(text);
  });

  it.each([
    ['not JSON', 'hello there', 'does not contain JSON'],
    ['a JSON list', '[1, 2]', 'not a Parley flow'],
    ['an object that is no flow', '{"title": "shopping list"}', 'not a Parley flow'],
    [
      'a flow with a bad node',
      '{"schemaVersion":1,"id":"x","name":"X","nodes":[{"id":"a","kind":"teleport"}]}',
      'problem',
    ],
  ])('explains a file that is %s', (_, text, words) => {
    const read = readFlowFile('file.json', text);
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.message).toContain(words);
  });
});

describe('diagnose', () => {
  it('finds no errors in the welcome example and tags its sends as inside the window', () => {
    const diagnosis = diagnose(welcomeFlow());
    expect(diagnosis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(diagnosis.window.get('greeting')).toBe('open');
    expect(diagnosis.window.get('check_budget')).toBe('none');
  });

  it('puts a fourth button on its node', () => {
    const diagnosis = diagnose(addButton(welcomeFlow(), { nodeId: 'greeting' }));
    expect(diagnosis.byNode.get('greeting')?.map((d) => d.severity)).toContain('error');
  });

  it('says an empty flow is not ready', () => {
    expect(diagnose(emptyFlow()).diagnostics.length).toBeGreaterThan(0);
  });
});

describe('shortcuts', () => {
  const key = (k: string, mods: Partial<{ ctrlKey: boolean; shiftKey: boolean; metaKey: boolean }> = {}) => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    ...mods,
  });
  it.each([
    [key('z', { ctrlKey: true }), false, 'undo'],
    [key('Z', { ctrlKey: true, shiftKey: true }), false, 'redo'],
    [key('y', { metaKey: true }), false, 'redo'],
    [key('c', { ctrlKey: true }), false, 'copy'],
    [key('v', { ctrlKey: true }), false, 'paste'],
    [key('Delete'), false, 'remove'],
    [key('s', { ctrlKey: true }), true, 'save'],
    [key('Delete'), true, null],
    [key('z', { ctrlKey: true }), true, null],
    [key('a'), false, null],
    [key('Escape'), false, 'deselect'],
  ])('%o while typing=%s → %s', (event, typing, action) => {
    expect(shortcutOf(event, typing)).toBe(action);
  });
});
