import type { Diagnostic, Flow } from '@parley/flow-schema';

type Props = { flow: Flow; diagnostics: Diagnostic[]; onPick: (diagnostic: Diagnostic) => void };

const ICON = { error: '✖', warning: '!', info: 'i' } as const;

/** Every problem of the flow in plain words; picking one selects the step and its field. */
export function DiagnosticsPanel({ flow, diagnostics, onPick }: Props) {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const nameOf = (id: string | undefined) => {
    const node = flow.nodes.find((n) => n.id === id);
    return node ? (node.label ?? node.id) : null;
  };
  return (
    <section className="diagnostics" aria-label="Problems">
      <h2>
        {diagnostics.length === 0
          ? 'No problems'
          : `${errors} error${errors === 1 ? '' : 's'}, ${diagnostics.length - errors} other`}
      </h2>
      <ul>
        {diagnostics.map((d, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: these items have no id; their position is their identity
          <li key={`${d.code}-${d.nodeId ?? ''}-${i}`} className={`sev-${d.severity}`}>
            <button type="button" onClick={() => onPick(d)} data-code={d.code}>
              <span aria-hidden="true">{ICON[d.severity]}</span>{' '}
              {nameOf(d.nodeId) ? <strong>{nameOf(d.nodeId)}: </strong> : null}
              {d.message}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
