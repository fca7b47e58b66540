import { Flow, FlowId } from '@parley/flow-schema';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Api, FlowSummary } from './api/client.ts';
import { readFlowFile } from './state/read-flow-file.ts';

/** A flow id from a name: lowercase words joined by "-", made unique among `taken`. */
export function idFromName(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'flow';
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  return id;
}

type Props = { api: Api; onOpen: (flow: Flow, publishedVersion: number | null, notice?: string) => void };

/** All flows on the runtime: create, open, duplicate, delete, import. */
export function FlowList({ api, onOpen }: Props) {
  const [flows, setFlows] = useState<FlowSummary[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [name, setName] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);

  const refresh = useCallback(async () => {
    const listed = await api.listFlows();
    if (listed.ok) setFlows(listed.value.flows);
    else setProblem(listed.error.message);
  }, [api]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const taken = new Set((flows ?? []).map((f) => f.id));

  async function open(id: string) {
    const got = await api.getFlow(id);
    if (got.ok) onOpen(got.value.flow, got.value.publishedVersion);
    else setProblem(got.error.message);
  }

  async function create() {
    const title = name.trim() || 'New flow';
    const flow = Flow.parse({ schemaVersion: 1, id: idFromName(title, taken), name: title, nodes: [] });
    const created = await api.createFlow(flow);
    if (created.ok) onOpen(created.value.flow, null);
    else setProblem(created.error.message);
  }

  async function duplicate(id: string) {
    const got = await api.getFlow(id);
    if (!got.ok) return setProblem(got.error.message);
    const copy = {
      ...got.value.flow,
      id: FlowId.parse(idFromName(`${got.value.flow.id}-copy`, taken)),
      name: `${got.value.flow.name} (copy)`,
    };
    const created = await api.createFlow(copy);
    if (created.ok) await refresh();
    else setProblem(created.error.message);
  }

  async function remove(summary: FlowSummary) {
    if (!window.confirm(`Delete “${summary.name}”? Conversations already running keep their version.`)) return;
    const deleted = await api.deleteFlow(summary.id);
    if (deleted.ok) await refresh();
    else setProblem(deleted.error.message);
  }

  async function importFile(files: FileList | null) {
    const file = files?.[0];
    if (!file) return;
    const read = readFlowFile(file.name, await file.text());
    if (!read.ok) return setProblem(read.message);
    const stored = await api.importFlow(read.flow);
    if (!stored.ok) return setProblem(stored.error.message);
    // An import replaces the draft; the live version, if any, stays live.
    const got = await api.getFlow(stored.value.flow.id);
    onOpen(stored.value.flow, got.ok ? got.value.publishedVersion : null, `Imported “${read.flow.name}”.`);
  }

  return (
    <main className="flow-list">
      <h1>Your flows</h1>
      {problem ? (
        <p className="banner banner-bad" role="alert">
          {problem}
        </p>
      ) : null}
      <form
        className="new-flow"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <input
          aria-label="Name of the new flow"
          placeholder="Name of the new flow"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="primary">
          Create flow
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          Import a flow file
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          aria-label="Flow file to import"
          hidden
          onChange={(e) => void importFile(e.target.files)}
        />
      </form>
      {flows === null ? <p>Loading…</p> : null}
      {flows?.length === 0 ? <p>No flows yet. Create one or import a file.</p> : null}
      <table hidden={!flows || flows.length === 0}>
        <thead>
          <tr>
            <th>Flow</th>
            <th>Live version</th>
            <th>Problems</th>
            <th>
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(flows ?? []).map((f) => (
            <tr key={f.id}>
              <td>
                <strong>{f.name}</strong>
                <div className="field-help">{f.description}</div>
              </td>
              <td>{f.publishedVersion === null ? 'Draft only' : `Version ${f.publishedVersion}`}</td>
              <td>
                {f.errorCount + f.warningCount === 0 ? 'None' : `${f.errorCount} errors, ${f.warningCount} warnings`}
              </td>
              <td className="actions">
                <button type="button" aria-label={`Open ${f.name}`} onClick={() => void open(f.id)}>
                  Open
                </button>
                <button type="button" aria-label={`Duplicate ${f.name}`} onClick={() => void duplicate(f.id)}>
                  Duplicate
                </button>
                <button type="button" className="danger" aria-label={`Delete ${f.name}`} onClick={() => void remove(f)}>
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
