import type { Diagnostic, NodeKind } from '@parley/flow-schema';
import { BUILT_IN_VARIABLES, Flow, fillPlaceholders, hasErrors } from '@parley/flow-schema';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Api } from './api/client.ts';
import { layoutFlow } from './canvas/auto-layout.ts';
import { Canvas } from './canvas/Canvas.tsx';
import { createNode } from './commands/create-node.ts';
import { nextNodeId } from './commands/ids.ts';
import { addNode, addNodeAfter, moveNodes } from './commands/nodes.ts';
import { IssuesContext, VariablesContext } from './inspector/fields.tsx';
import { Inspector } from './inspector/Inspector.tsx';
import { ChatPanel } from './panels/ChatPanel.tsx';
import { templatePreviews } from './panels/chat-message.ts';
import { DiagnosticsPanel } from './panels/DiagnosticsPanel.tsx';
import { Palette } from './panels/Palette.tsx';
import { SettingsPanel } from './panels/SettingsPanel.tsx';
import { StepPicker } from './panels/StepPicker.tsx';
import { Toolbar } from './panels/Toolbar.tsx';
import { diagnose } from './state/diagnose.ts';
import { flowFileText, readFlowFile } from './state/read-flow-file.ts';
import { useEditor } from './state/use-editor.ts';
import { useShortcuts } from './state/use-shortcuts.ts';

type Tab = 'step' | 'flow' | 'chat';
type Props = {
  api: Api;
  initial: Flow;
  publishedVersion: number | null;
  onClose: () => void;
  onOpened: (flow: Flow, notice?: string) => void;
  /** A message to show on opening, e.g. that an import succeeded. */
  notice?: string | undefined;
};

export function EditorScreen(props: Props) {
  return (
    <ReactFlowProvider>
      <Editor {...props} />
    </ReactFlowProvider>
  );
}

/**
 * Problems with the flow-level fields, keyed by path (`scope.summary`): what the
 * schema refuses (a variable name with spaces) first, then `validateFlow`'s findings.
 */
function settingsIssues(flow: Flow, diagnostics: readonly Diagnostic[]): Map<string, string> {
  const issues = new Map<string, string>();
  const parsed = Flow.safeParse(flow);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.path[0] !== 'nodes') issues.set(issue.path.map(String).join('.'), issue.message);
    }
  }
  for (const d of diagnostics) {
    const key = (d.path ?? []).join('.');
    if (d.path && d.path[0] !== 'nodes' && !issues.has(key)) issues.set(key, d.message);
  }
  return issues;
}

/** Steps added one after another without a selection would pile up; shift each new one until the spot is free. */
function freeSpotNear(flow: Flow, spot: { x: number; y: number }): { x: number; y: number } {
  const taken = (x: number, y: number) =>
    flow.nodes.some((n) => Math.abs(n.position.x - x) < 280 && Math.abs(n.position.y - y) < 200);
  // Left to right in rows of four cards, starting at the centre of the view.
  for (let i = 0; i < 400; i += 1) {
    const x = spot.x + (i % 4) * 300;
    const y = spot.y + Math.floor(i / 4) * 320;
    if (!taken(x, y)) return { x: Math.round(x), y: Math.round(y) };
  }
  return { x: Math.round(spot.x), y: Math.round(spot.y) };
}

function focusField(path: (string | number)[] | undefined) {
  // The inspector renders after the selection changes; wait a frame for it.
  requestAnimationFrame(() => {
    const parts = (path ?? []).slice(path?.[0] === 'nodes' ? 2 : 0).map(String);
    for (let n = parts.length; n > 0; n -= 1) {
      const field = parts.slice(0, n).join('.');
      const target =
        document.querySelector<HTMLElement>(`[data-field="${field}"]`) ??
        document.querySelector<HTMLElement>(`[data-field^="${field}."]`);
      if (target) {
        target.focus();
        return;
      }
    }
  });
}

function Editor({ api, initial, publishedVersion, onClose, onOpened, notice }: Props) {
  const editor = useEditor(initial);
  const { flow, selected, setSelected, run } = editor;
  const [tab, setTab] = useState<Tab>('flow');
  const [message, setMessage] = useState<{ text: string; tone: 'ok' | 'bad'; details?: Diagnostic[] } | null>(
    notice ? { text: notice, tone: 'ok' } : null,
  );
  const [published, setPublished] = useState(publishedVersion);
  const [visited, setVisited] = useState<ReadonlySet<string>>(new Set());
  const [advanced, setAdvanced] = useState(false);
  const { screenToFlowPosition, fitView } = useReactFlow();
  const diagnosis = useMemo(() => diagnose(flow), [flow]);
  const previews = useMemo(() => templatePreviews(flow), [flow]);
  const variableNames = useMemo(() => [...flow.variables.map((v) => v.name), ...BUILT_IN_VARIABLES], [flow.variables]);
  const fill = useCallback(
    (text: string) => {
      const examples = new Map(flow.variables.map((v) => [v.name, v.example ?? `{{${v.name}}}`]));
      return fillPlaceholders(text, (name) => examples.get(name)).text;
    },
    [flow.variables],
  );
  const flowIssues = useMemo(() => settingsIssues(flow, diagnosis.diagnostics), [flow, diagnosis]);

  const selectedNode = selected.length === 1 ? flow.nodes.find((n) => n.id === selected[0]) : undefined;
  const selectedId = selectedNode?.id;
  useEffect(() => {
    if (selectedId !== undefined) setTab((t) => (t === 'chat' ? t : 'step'));
  }, [selectedId]);

  const addAt = useCallback(
    (kind: NodeKind, position: { x: number; y: number }) => {
      const node = createNode(kind, nextNodeId(flow, kind), position);
      run((f) => addNode(f, { node }));
      setSelected([node.id]);
    },
    [flow, run, setSelected],
  );
  const addFromPalette = (kind: NodeKind) => {
    const centre = screenToFlowPosition({ x: window.innerWidth / 2, y: window.innerHeight / 2 });
    const node = createNode(kind, nextNodeId(flow, kind), freeSpotNear(flow, centre));
    const after = selected.length === 1 ? selected[0] : undefined;
    run((f) => (after ? addNodeAfter(f, { after, node }) : addNode(f, { node })));
    setSelected([node.id]);
  };

  const save = useCallback(async (): Promise<boolean> => {
    const saved = await api.saveFlow(flow);
    if (!saved.ok) {
      setMessage({ text: `Not saved: ${saved.error.message}`, tone: 'bad' });
      return false;
    }
    editor.markSaved(flow);
    setMessage({ text: 'Draft saved.', tone: 'ok' });
    return true;
  }, [api, flow, editor]);

  const publish = async () => {
    if (!(await save())) return;
    const result = await api.publishFlow(flow.id);
    if (result.ok) {
      setPublished(result.value.version);
      setMessage({ text: `Published as version ${result.value.version}.`, tone: 'ok' });
    } else
      setMessage({
        text: `Not published: ${result.error.message}`,
        tone: 'bad',
        details: result.error.diagnostics ?? diagnosis.diagnostics.filter((d) => d.severity === 'error'),
      });
  };

  const importFiles = async (files: FileList) => {
    const file = files[0];
    if (!file) return;
    const read = readFlowFile(file.name, await file.text());
    if (!read.ok) {
      setMessage({ text: read.message, tone: 'bad' });
      return;
    }
    const stored = await api.importFlow(read.flow);
    if (stored.ok) onOpened(stored.value.flow, `Imported “${read.flow.name}”.`);
    else setMessage({ text: `Not imported: ${stored.error.message}`, tone: 'bad' });
  };

  const exportFile = () => {
    const url = URL.createObjectURL(new Blob([flowFileText(flow)], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${flow.id}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const shortcuts = useMemo(
    () => ({
      undo: editor.undo,
      redo: editor.redo,
      copy: editor.copy,
      paste: editor.paste,
      remove: editor.deleteSelected,
      deselect: () => setSelected([]),
      save: () => void save(),
    }),
    [editor, save, setSelected],
  );
  useShortcuts(shortcuts);
  // Closing the tab with unsaved changes asks first, like leaving through "← Flows" does.
  const { dirty } = editor;
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const pick = (d: Diagnostic) => {
    if (d.nodeId && flow.nodes.some((n) => n.id === d.nodeId)) {
      setSelected([d.nodeId]);
      setTab('step');
    } else setTab('flow');
    focusField(d.path);
  };

  return (
    <VariablesContext.Provider value={variableNames}>
      <div className="editor">
        <Toolbar
          flow={flow}
          editor={editor}
          published={published}
          errorCount={diagnosis.diagnostics.filter((d) => d.severity === 'error').length}
          hasErrors={hasErrors(diagnosis.diagnostics)}
          onClose={() => {
            if (!editor.dirty || window.confirm('Leave this flow? Changes since the last save will be lost.'))
              onClose();
          }}
          onSave={save}
          onPublish={publish}
          onImport={importFiles}
          onExport={exportFile}
          onLayout={async () => {
            const positions = await layoutFlow(flow);
            run((f) => moveNodes(f, positions));
            requestAnimationFrame(() => void fitView({ maxZoom: 1 }));
          }}
          advanced={advanced}
          onToggleAdvanced={() => setAdvanced((a) => !a)}
        />
        {message ? (
          <div className={`banner banner-${message.tone}`} role={message.tone === 'bad' ? 'alert' : 'status'}>
            {message.text}
            {message.details && message.details.length > 0 ? (
              <ul>
                {message.details.map((d, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: these items have no id; their position is their identity
                  <li key={`${d.code}-${i}`}>{d.message}</li>
                ))}
              </ul>
            ) : null}
            <button type="button" aria-label="Dismiss message" onClick={() => setMessage(null)}>
              ✕
            </button>
          </div>
        ) : null}
        <div className="workspace">
          <Palette onAdd={addFromPalette} />
          <div className="center">
            {advanced ? (
              <pre className="advanced" title="Flow document (advanced)">
                {flowFileText(flow)}
              </pre>
            ) : (
              <Canvas
                editor={editor}
                diagnosis={diagnosis}
                visited={visited}
                fill={fill}
                onAddAt={addAt}
                onFilesDropped={importFiles}
              />
            )}
            <DiagnosticsPanel flow={flow} diagnostics={diagnosis.diagnostics} onPick={pick} />
          </div>
          <div className="side">
            <div className="tabs" role="tablist" aria-label="Side panel">
              {(['step', 'flow', 'chat'] as const).map((t) => (
                <button key={t} type="button" role="tab" aria-selected={tab === t} onClick={() => setTab(t)}>
                  {{ step: 'Step', flow: 'Flow settings', chat: 'Chat preview' }[t]}
                </button>
              ))}
            </div>
            {tab === 'step' ? <StepPicker flow={flow} selected={selected} onSelect={setSelected} /> : null}
            {tab === 'step' ? (
              selectedNode ? (
                <Inspector
                  key={selectedNode.id}
                  flow={flow}
                  node={selectedNode}
                  diagnostics={diagnosis.byNode.get(selectedNode.id) ?? []}
                  run={run}
                />
              ) : (
                <p className="note">
                  Select a step on the canvas to edit it{selected.length > 1 ? ` (${selected.length} selected)` : ''}.
                </p>
              )
            ) : null}
            {tab === 'flow' ? (
              <IssuesContext.Provider value={flowIssues}>
                <SettingsPanel flow={flow} run={run} />
              </IssuesContext.Provider>
            ) : null}
            <div hidden={tab !== 'chat'}>
              <ChatPanel
                api={api}
                flowId={flow.id}
                published={published !== null}
                previews={previews}
                onVisit={(id) => setVisited((v) => new Set([...v, id]))}
                onRestart={() => setVisited(new Set())}
              />
            </div>
          </div>
        </div>
      </div>
    </VariablesContext.Provider>
  );
}
