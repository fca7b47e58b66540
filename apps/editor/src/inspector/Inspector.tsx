import type { Diagnostic, Flow, NodeKind, NodeOfKind } from '@parley/flow-schema';
import { FlowNode, formatPath } from '@parley/flow-schema';
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { NODE_KIND_INFO } from '../commands/create-node.ts';
import { deleteNodes, updateNode } from '../commands/nodes.ts';
import type { Command } from '../state/use-editor.ts';
import { ConnectPorts } from './ConnectPorts.tsx';
import { IssuesContext } from './fields.tsx';
import type { FormProps } from './form-types.ts';
import { FORMS } from './forms.ts';
import { OptionalTextField } from './OptionalTextField.tsx';

type Props = { flow: Flow; node: FlowNode; diagnostics: Diagnostic[]; run: (command: Command) => void };

/** Field problems for the node: the schema's verdict first, then `validateFlow`'s, keyed by field path. */
function collectIssues(flow: Flow, node: FlowNode, diagnostics: Diagnostic[]): Map<string, string> {
  const issues = new Map<string, string>();
  const parsed = FlowNode.safeParse(node);
  if (!parsed.success)
    for (const issue of parsed.error.issues)
      issues.set(formatPath(issue.path).replace(/\[(\d+)\]/g, '.$1'), issue.message);
  const index = flow.nodes.indexOf(node);
  for (const d of diagnostics) {
    if (d.path?.[0] !== 'nodes' || d.path[1] !== index) continue;
    const field = d.path.slice(2).join('.');
    if (field !== '' && !issues.has(field)) issues.set(field, d.message);
  }
  return issues;
}

function renderForm<K extends NodeKind>(kind: K, props: FormProps<K>): ReactNode {
  const FormOfKind: (p: FormProps<K>) => ReactNode = FORMS[kind];
  return <FormOfKind {...props} />;
}

/** Forms for the selected step, its connections, and its problems in plain words. */
export function Inspector({ flow, node, diagnostics, run }: Props) {
  const issues = useMemo(() => collectIssues(flow, node, diagnostics), [flow, node, diagnostics]);
  const set = (next: NodeOfKind<typeof node.kind>) => run((f) => updateNode(f, { node: next }));
  const unplaced = diagnostics.filter((d) => !d.path || d.path.length <= 2);
  return (
    <IssuesContext.Provider value={issues}>
      <form className="inspector" aria-label="Step settings" onSubmit={(e) => e.preventDefault()}>
        <h2>{NODE_KIND_INFO[node.kind].name}</h2>
        <p className="field-help">{NODE_KIND_INFO[node.kind].help}</p>
        <OptionalTextField
          label="Name on the canvas"
          field="label"
          value={node.label}
          onChange={(label) => set({ ...node, label })}
        />
        {renderForm(node.kind, { node, set, run })}
        <ConnectPorts flow={flow} node={node} run={run} />
        {unplaced.length > 0 ? (
          <ul className="node-problems" aria-label="Problems with this step">
            {unplaced.map((d, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: these items have no id; their position is their identity
              <li key={`${d.code}-${i}`} className={`sev-${d.severity}`}>
                {d.message}
              </li>
            ))}
          </ul>
        ) : null}
        <button type="button" className="danger" onClick={() => run((f) => deleteNodes(f, [node.id]))}>
          Delete this step
        </button>
      </form>
    </IssuesContext.Provider>
  );
}
