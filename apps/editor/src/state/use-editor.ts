import type { Flow } from '@parley/flow-schema';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Clipboard } from '../commands/clipboard.ts';
import { copyNodes, pasteNodes } from '../commands/clipboard.ts';
import { removeEdges } from '../commands/edges.ts';
import type { History } from '../commands/history.ts';
import { record, recordSince, redo, replacePresent, startHistory, undo } from '../commands/history.ts';
import { deleteNodes } from '../commands/nodes.ts';

/** A pure edit of the document; every change in the editor is one of these. */
export type Command = (flow: Flow) => Flow;

export type EditorState = ReturnType<typeof useEditor>;

/**
 * The editor's state: the flow document with its undo history, the selection
 * and the clipboard. Components never change the document directly; they run
 * commands through `run`.
 */
export function useEditor(initial: Flow) {
  const [history, setHistory] = useState<History<Flow>>(() => startHistory(initial));
  const [selected, setSelected] = useState<string[]>([]);
  const [selectedEdges, setSelectedEdges] = useState<string[]>([]);
  const [savedFlow, setSavedFlow] = useState<Flow>(initial);
  const clipboard = useRef<Clipboard | null>(null);
  const gestureStart = useRef<Flow | null>(null);

  const run = useCallback((command: Command) => setHistory((h) => record(h, command(h.present))), []);
  /** Applies a command without an undo step; `endGesture` records the whole gesture as one. */
  const runTransient = useCallback((command: Command) => {
    setHistory((h) => {
      if (gestureStart.current === null) gestureStart.current = h.present;
      return replacePresent(h, command(h.present));
    });
  }, []);
  const endGesture = useCallback(() => {
    const before = gestureStart.current;
    gestureStart.current = null;
    if (before) setHistory((h) => recordSince(h, before));
  }, []);

  const flow = history.present;
  const actions = useMemo(
    () => ({
      undo: () => setHistory(undo),
      redo: () => setHistory(redo),
      replaceDocument: (next: Flow) => {
        setHistory(startHistory(next));
        setSavedFlow(next);
        setSelected([]);
      },
      markSaved: (next: Flow) => setSavedFlow(next),
      copy: () => {
        if (selected.length > 0) clipboard.current = copyNodes(flow, selected);
      },
      paste: () => {
        const content = clipboard.current;
        if (!content || content.nodes.length === 0) return;
        const result = pasteNodes(flow, { clipboard: content, offset: { x: 40, y: 40 } });
        setHistory((h) => record(h, result.flow));
        setSelected(result.pasted);
      },
      deleteSelected: () => {
        if (selected.length === 0 && selectedEdges.length === 0) return;
        run((f) => removeEdges(deleteNodes(f, selected), selectedEdges));
        setSelected([]);
        setSelectedEdges([]);
      },
    }),
    [flow, selected, selectedEdges, run],
  );

  return {
    flow,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    dirty: flow !== savedFlow,
    selected,
    setSelected,
    selectedEdges,
    setSelectedEdges,
    run,
    runTransient,
    endGesture,
    ...actions,
  };
}
