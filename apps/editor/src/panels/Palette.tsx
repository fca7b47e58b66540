import type { NodeKind } from '@parley/flow-schema';
import { NODE_KINDS } from '@parley/flow-schema';
import { useState } from 'react';
import { KIND_MIME } from '../canvas/Canvas.tsx';
import { NODE_KIND_INFO } from '../commands/create-node.ts';

/** Every kind of step: drag one onto the canvas, or click to add it after the selected step. */
export function Palette({ onAdd }: { onAdd: (kind: NodeKind) => void }) {
  const [query, setQuery] = useState('');
  const words = query.trim().toLowerCase();
  const kinds = NODE_KINDS.filter((kind) => {
    const info = NODE_KIND_INFO[kind];
    return words === '' || `${info.name} ${info.help} ${kind}`.toLowerCase().includes(words);
  });
  return (
    <nav className="palette" aria-label="Steps you can add">
      <input
        type="search"
        aria-label="Search steps"
        placeholder="Search steps…"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <ul>
        {kinds.map((kind) => (
          <li key={kind}>
            <button
              type="button"
              draggable
              aria-label={`Add ${NODE_KIND_INFO[kind].name}`}
              title={NODE_KIND_INFO[kind].help}
              onDragStart={(e) => {
                e.dataTransfer.setData(KIND_MIME, kind);
                e.dataTransfer.effectAllowed = 'move';
              }}
              onClick={() => onAdd(kind)}
            >
              <strong>{NODE_KIND_INFO[kind].name}</strong>
              <span>{NODE_KIND_INFO[kind].help}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
