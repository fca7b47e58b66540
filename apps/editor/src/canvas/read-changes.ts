import type { EdgeChange, NodeChange } from '@xyflow/react';

export type NodeGesture = {
  /** New positions of dragged cards. */
  positions: Record<string, { x: number; y: number }>;
  /** A drag finished: record it as one undo step. */
  dragEnded: boolean;
  /** Card sizes React Flow measured. */
  sizes: [string, { width: number; height: number }][];
  /** The new selection, or null when it did not change. */
  selection: string[] | null;
};

/** Applies select changes to a selection; null when there were none. */
function applySelect(current: readonly string[], picks: { id: string; selected: boolean }[]): string[] | null {
  if (picks.length === 0) return null;
  const next = new Set(current);
  for (const pick of picks) {
    if (pick.selected) next.add(pick.id);
    else next.delete(pick.id);
  }
  return [...next];
}

/** What a batch of React Flow node changes means for the document and the editor: the canvas turns it into commands. */
export function readNodeChanges(changes: readonly NodeChange[], selected: readonly string[]): NodeGesture {
  const positions: Record<string, { x: number; y: number }> = {};
  const sizes: NodeGesture['sizes'] = [];
  const picks: { id: string; selected: boolean }[] = [];
  let dragEnded = false;
  for (const change of changes) {
    if (change.type === 'position') {
      if (change.position) positions[change.id] = change.position;
      dragEnded ||= change.dragging === false;
    } else if (change.type === 'dimensions' && change.dimensions) sizes.push([change.id, change.dimensions]);
    else if (change.type === 'select') picks.push(change);
  }
  return { positions, dragEnded, sizes, selection: applySelect(selected, picks) };
}

/** Removed edge ids and the new edge selection (null when unchanged). */
export function readEdgeChanges(
  changes: readonly EdgeChange[],
  selected: readonly string[],
): { removed: string[]; selection: string[] | null } {
  const removed = changes.flatMap((c) => (c.type === 'remove' ? [c.id] : []));
  const picks = changes.flatMap((c) => (c.type === 'select' ? [c] : []));
  return { removed, selection: applySelect(selected, picks) };
}
