import { describe, expect, it } from 'vitest';
import { readEdgeChanges, readNodeChanges } from './read-changes.ts';

describe('readNodeChanges', () => {
  it('collects drag positions and notices the end of the drag', () => {
    const gesture = readNodeChanges(
      [
        { type: 'position', id: 'a', position: { x: 1, y: 2 }, dragging: true },
        { type: 'position', id: 'b', position: { x: 3, y: 4 }, dragging: false },
      ],
      [],
    );
    expect(gesture.positions).toEqual({ a: { x: 1, y: 2 }, b: { x: 3, y: 4 } });
    expect(gesture.dragEnded).toBe(true);
    expect(gesture.selection).toBeNull();
  });

  it('applies selection changes to the current selection', () => {
    const gesture = readNodeChanges(
      [
        { type: 'select', id: 'a', selected: false },
        { type: 'select', id: 'c', selected: true },
      ],
      ['a', 'b'],
    );
    expect(gesture.selection).toEqual(['b', 'c']);
  });

  it('keeps measured sizes', () => {
    const gesture = readNodeChanges([{ type: 'dimensions', id: 'a', dimensions: { width: 260, height: 180 } }], []);
    expect(gesture.sizes).toEqual([['a', { width: 260, height: 180 }]]);
  });
});

describe('readEdgeChanges', () => {
  it('reports removed edges and the new edge selection', () => {
    const read = readEdgeChanges(
      [
        { type: 'remove', id: 'e1' },
        { type: 'select', id: 'e2', selected: true },
      ],
      [],
    );
    expect(read).toEqual({ removed: ['e1'], selection: ['e2'] });
  });
});
