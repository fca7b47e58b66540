import type { Diagnostic, FlowNode } from '@parley/flow-schema';
import { portsOf } from '@parley/flow-schema';
import type { Node, NodeProps } from '@xyflow/react';
import { Handle, Position } from '@xyflow/react';
import { memo } from 'react';
import { NODE_KIND_INFO } from '../commands/create-node.ts';
import type { WindowTag } from '../state/diagnose.ts';
import type { Fill } from './previews.tsx';
import { renderPreview } from './previews.tsx';

export type NodeCardData = {
  node: FlowNode;
  diagnostics: Diagnostic[];
  window: WindowTag;
  visited: boolean;
  fill: Fill;
};
export type NodeCardNode = Node<NodeCardData, 'parley'>;

const WINDOW_TAGS: Record<WindowTag, { text: string; className: string; help: string } | null> = {
  open: {
    text: '24 h: inside the window',
    className: 'window-open',
    help: 'The customer wrote less than 24 hours before this message on every path.',
  },
  needs_template: {
    text: '24 h: needs a template',
    className: 'window-closed',
    help: 'On some path the 24-hour window may be closed here: only a template can go then.',
  },
  fallback: {
    text: '24 h: may be closed, template goes',
    className: 'window-fallback',
    help: 'On some path the 24-hour window may be closed here; then its template fallback is sent instead.',
  },
  template: {
    text: '24 h: template, sends any time',
    className: 'window-open',
    help: 'Templates may be sent outside the 24-hour window.',
  },
  none: null,
};

/** A node drawn as the WhatsApp message it sends, with one handle per port. */
function NodeCardView({ data, selected }: NodeProps<NodeCardNode>) {
  const { node, diagnostics, window, visited, fill } = data;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const tag = WINDOW_TAGS[window];
  const title = node.label?.trim() ? node.label : NODE_KIND_INFO[node.kind].name;
  const classes = ['node-card', `kind-${node.kind}`, selected ? 'selected' : '', visited ? 'visited' : ''];
  return (
    <section className={classes.join(' ')} aria-label={`Step ${title}`} data-node-id={node.id}>
      <Handle type="target" position={Position.Left} className="handle-in" />
      <header className="node-head">
        <span className="node-kind">{NODE_KIND_INFO[node.kind].name}</span>
        <span className="node-title">{title}</span>
        {diagnostics.length > 0 ? (
          <span
            className={`badge ${errors > 0 ? 'badge-error' : 'badge-warning'}`}
            role="status"
            aria-label={`${diagnostics.length} problem${diagnostics.length > 1 ? 's' : ''}`}
            title={diagnostics.map((d) => d.message).join('\n')}
          >
            {errors > 0 ? `✖ ${errors}` : `! ${warnings}`}
          </span>
        ) : null}
      </header>
      <div className="node-body">{renderPreview(node, fill)}</div>
      {tag ? (
        <div className={`window-tag ${tag.className}`} title={tag.help}>
          {tag.text}
        </div>
      ) : null}
      <ul className="ports">
        {portsOf(node).map((port) => (
          <li key={port.id} className={`port port-${port.role}`}>
            <span>{port.label || '(no title)'}</span>
            <Handle type="source" id={port.id} position={Position.Right} className="handle-out" />
          </li>
        ))}
      </ul>
    </section>
  );
}

export const NodeCard = memo(NodeCardView);
