import type { FlowNode } from '@parley/flow-schema';
import { portsOf } from '@parley/flow-schema';
import type { NodeHandle } from '@xyflow/react';
import { Position } from '@xyflow/react';

// Card geometry from styles.css (.node-card, .ports, .port): kept close enough
// for edges to point at the right row before a card is first drawn.
export const CARD_WIDTH = 260;
const PORT_ROW = 19;
const BOTTOM_PADDING = 6;
const BASE_HEIGHT = 120;

export function estimateHeight(node: FlowNode): number {
  return BASE_HEIGHT + portsOf(node).length * PORT_ROW;
}

/**
 * Where a card's handles will be, before it is drawn. React Flow draws every
 * node once to measure its handles unless it is told where they are; with
 * these, a big flow draws only the cards on screen.
 */
export function estimateHandles(node: FlowNode): NodeHandle[] {
  const ports = portsOf(node);
  const height = estimateHeight(node);
  const firstPortTop = height - BOTTOM_PADDING - ports.length * PORT_ROW;
  return [
    { id: null, type: 'target', position: Position.Left, x: -5, y: height / 2 - 5, width: 10, height: 10 },
    ...ports.map(
      (port, i): NodeHandle => ({
        id: port.id,
        type: 'source',
        position: Position.Right,
        x: CARD_WIDTH - 4,
        y: firstPortTop + i * PORT_ROW + PORT_ROW / 2 - 4,
        width: 8,
        height: 8,
      }),
    ),
  ];
}
