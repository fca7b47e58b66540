import type { Flow, FlowNode } from '@parley/flow-schema';
import { portsOf } from '@parley/flow-schema';
import { NODE_KIND_INFO } from '../commands/create-node.ts';
import { connect, disconnect } from '../commands/edges.ts';
import type { Command } from '../state/use-editor.ts';

export function nodeName(node: FlowNode): string {
  return node.label?.trim() ? node.label : `${NODE_KIND_INFO[node.kind].name} (${node.id})`;
}

/**
 * Where each port of the node leads, as plain selects: the keyboard way to draw
 * connections, and the same thing dragging a handle does.
 */
export function ConnectPorts({ flow, node, run }: { flow: Flow; node: FlowNode; run: (command: Command) => void }) {
  const ports = portsOf(node);
  if (ports.length === 0) return null;
  return (
    <fieldset className="connections">
      <legend>Next steps</legend>
      {ports.map((port) => {
        const edge = flow.edges.find((e) => e.from.node === node.id && e.from.port === port.id);
        const label = `Connect “${port.label || port.id}” to`;
        return (
          <div className="field" key={port.id}>
            <label>
              {label}
              <select
                aria-label={label}
                data-field={`port:${port.id}`}
                value={edge?.to.node ?? ''}
                onChange={(e) => {
                  const to = e.target.value;
                  run((f) =>
                    to === ''
                      ? disconnect(f, { from: node.id, port: port.id })
                      : connect(f, { from: node.id, port: port.id, to }),
                  );
                }}
              >
                <option value="">{port.role === 'fallback' ? '(default behaviour)' : '(not connected)'}</option>
                {flow.nodes
                  .filter((n) => n.id !== node.id)
                  .map((n) => (
                    <option key={n.id} value={n.id}>
                      {nodeName(n)}
                    </option>
                  ))}
              </select>
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
