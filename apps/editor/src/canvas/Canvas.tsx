import type { Flow, NodeKind } from '@parley/flow-schema';
import { NODE_KINDS } from '@parley/flow-schema';
import type { Connection, EdgeChange, NodeChange } from '@xyflow/react';
import { Background, Controls, MiniMap, ReactFlow, useReactFlow } from '@xyflow/react';
import type { DragEvent } from 'react';
import { useCallback, useMemo, useRef, useState } from 'react';
import { connect, removeEdges } from '../commands/edges.ts';
import { moveNodes } from '../commands/nodes.ts';
import type { Diagnosis } from '../state/diagnose.ts';
import type { EditorState } from '../state/use-editor.ts';
import type { NodeCardNode } from './NodeCard.tsx';
import { NodeCard } from './NodeCard.tsx';
import type { Fill } from './previews.tsx';
import { readEdgeChanges, readNodeChanges } from './read-changes.ts';
import { toReactFlow } from './to-react-flow.ts';

const nodeTypes = { parley: NodeCard };
export const KIND_MIME = 'application/x-parley-kind';
const BIG_FLOW = 150;

function isNodeKind(value: string): value is NodeKind {
  return NODE_KINDS.some((kind) => kind === value);
}

type Props = {
  editor: EditorState;
  diagnosis: Diagnosis;
  visited: ReadonlySet<string>;
  fill: Fill;
  onAddAt: (kind: NodeKind, position: { x: number; y: number }) => void;
  onFilesDropped: (files: FileList) => void;
};

/** The drawing surface: a projection of the document that turns gestures into commands. */
export function Canvas({ editor, diagnosis, visited, fill, onAddAt, onFilesDropped }: Props) {
  const { flow, selected, setSelected, selectedEdges, setSelectedEdges, run, runTransient, endGesture } = editor;
  const { screenToFlowPosition } = useReactFlow();
  const selection = useMemo(() => new Set(selected), [selected]);
  // A big flow opens on its first steps, not zoomed out to a haze of 500 cards:
  // only what is on screen is drawn, so the first view stays fast.
  const [fitOptions] = useState(() => ({
    maxZoom: 1,
    ...(flow.nodes.length > BIG_FLOW ? { nodes: flow.nodes.slice(0, 8).map((n) => ({ id: n.id })) } : {}),
  }));
  // Sizes React Flow measured, kept across projections so cards are not re-measured on every edit.
  const measured = useRef(new Map<string, { width: number; height: number }>());
  const previous = useRef(new Map<string, NodeCardNode>());
  const edgeSelection = useMemo(() => new Set(selectedEdges), [selectedEdges]);
  const { nodes, edges } = useMemo(() => {
    const projected = toReactFlow(flow, selection, diagnosis, visited, fill, measured.current, previous.current);
    previous.current = new Map(projected.nodes.map((n) => [n.id, n]));
    return {
      nodes: projected.nodes,
      edges: projected.edges.map((e) => (edgeSelection.has(e.id) ? { ...e, selected: true } : e)),
    };
  }, [flow, selection, edgeSelection, diagnosis, visited, fill]);

  const onNodesChange = useCallback(
    (changes: NodeChange<NodeCardNode>[]) => {
      const gesture = readNodeChanges(changes, selected);
      for (const [id, size] of gesture.sizes) measured.current.set(id, size);
      if (Object.keys(gesture.positions).length > 0) runTransient((f: Flow) => moveNodes(f, gesture.positions));
      if (gesture.dragEnded) endGesture();
      if (gesture.selection) setSelected(gesture.selection);
    },
    [selected, runTransient, endGesture, setSelected],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const { removed, selection: picked } = readEdgeChanges(changes, selectedEdges);
      if (removed.length > 0) run((f) => removeEdges(f, removed));
      if (picked) setSelectedEdges(picked);
    },
    [run, selectedEdges, setSelectedEdges],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      if (c.sourceHandle) run((f) => connect(f, { from: c.source, port: c.sourceHandle ?? '', to: c.target }));
    },
    [run],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = event.dataTransfer.types.includes('Files') ? 'copy' : 'move';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      event.preventDefault();
      if (event.dataTransfer.files.length > 0) {
        onFilesDropped(event.dataTransfer.files);
        return;
      }
      const kind = event.dataTransfer.getData(KIND_MIME);
      if (isNodeKind(kind)) onAddAt(kind, screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [onAddAt, onFilesDropped, screenToFlowPosition],
  );

  return (
    <div className="canvas" onDragOver={onDragOver} onDrop={onDrop} role="application" aria-label="Flow canvas">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        deleteKeyCode={null}
        fitView
        fitViewOptions={fitOptions}
        minZoom={0.1}
        onlyRenderVisibleElements={flow.nodes.length > BIG_FLOW}
        proOptions={{ hideAttribution: true }}
      >
        <Background />
        <MiniMap pannable zoomable ariaLabel="Overview of the flow" />
        <Controls aria-label="Zoom controls" />
      </ReactFlow>
    </div>
  );
}
