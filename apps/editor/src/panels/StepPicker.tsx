import type { Flow } from '@parley/flow-schema';
import { useReactFlow } from '@xyflow/react';
import { nodeName } from '../inspector/ConnectPorts.tsx';

type Props = { flow: Flow; selected: string[]; onSelect: (ids: string[]) => void };

/** Choose a step by name: the keyboard way to reach any node, wherever it sits on the canvas. */
export function StepPicker({ flow, selected, onSelect }: Props) {
  const { getZoom, setCenter } = useReactFlow();
  return (
    <div className="field step-picker">
      <label>
        Step to edit
        <select
          aria-label="Step to edit"
          value={selected.length === 1 ? selected[0] : ''}
          onChange={(e) => {
            const node = flow.nodes.find((n) => n.id === e.target.value);
            onSelect(node ? [node.id] : []);
            if (node) void setCenter(node.position.x + 130, node.position.y + 100, { zoom: Math.max(getZoom(), 0.6) });
          }}
        >
          <option value="">(none)</option>
          {flow.nodes.map((n) => (
            <option key={n.id} value={n.id}>
              {nodeName(n)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
