import type { Flow } from '@parley/flow-schema';
import { useRef } from 'react';
import type { EditorState } from '../state/use-editor.ts';

type Props = {
  flow: Flow;
  editor: EditorState;
  published: number | null;
  errorCount: number;
  hasErrors: boolean;
  advanced: boolean;
  onClose: () => void;
  onSave: () => void;
  onPublish: () => void;
  onImport: (files: FileList) => void;
  onExport: () => void;
  onLayout: () => void;
  onToggleAdvanced: () => void;
};

export function Toolbar(p: Props) {
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <header className="toolbar">
      <button type="button" onClick={p.onClose} aria-label="Back to all flows">
        ← Flows
      </button>
      <h1>
        {p.flow.name}
        {p.editor.dirty ? (
          <span className="dirty" title="unsaved changes">
            {' '}
            • <span className="visually-hidden">unsaved changes</span>
          </span>
        ) : null}
      </h1>
      <span className="published">{p.published === null ? 'Not published' : `Published: version ${p.published}`}</span>
      <div className="spacer" />
      <button
        type="button"
        onClick={p.editor.undo}
        disabled={!p.editor.canUndo}
        aria-label="Undo"
        title="Undo (Ctrl+Z)"
      >
        ↶
      </button>
      <button
        type="button"
        onClick={p.editor.redo}
        disabled={!p.editor.canRedo}
        aria-label="Redo"
        title="Redo (Ctrl+Y)"
      >
        ↷
      </button>
      <button type="button" onClick={p.onLayout}>
        Tidy up
      </button>
      <button type="button" onClick={() => fileInput.current?.click()}>
        Import
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        aria-label="Flow file to import"
        hidden
        onChange={(e) => {
          if (e.target.files) p.onImport(e.target.files);
          e.target.value = '';
        }}
      />
      <button type="button" onClick={p.onExport}>
        Export
      </button>
      <button type="button" aria-pressed={p.advanced} onClick={p.onToggleAdvanced} title="Show the flow document">
        Advanced
      </button>
      <button type="button" onClick={p.onSave} title="Save (Ctrl+S)">
        Save
      </button>
      <button
        type="button"
        className="primary"
        onClick={p.onPublish}
        title={p.hasErrors ? `${p.errorCount} errors to fix first` : 'Make this the live version'}
      >
        Publish
      </button>
    </header>
  );
}
