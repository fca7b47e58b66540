import type { ReactNode } from 'react';

/**
 * One entry of an editable list (a button, a row, a rule…): its fields, then a ✕ that removes it.
 * Without `onRemove` the entry has no ✕, for lists whose entries are only ever added.
 */
export function ItemRow({
  children,
  removeLabel,
  onRemove,
}: {
  children: ReactNode;
  removeLabel?: string;
  onRemove?: () => void;
}) {
  return (
    <div className="item-row">
      {children}
      {onRemove ? (
        <button type="button" className="remove" aria-label={removeLabel} onClick={onRemove}>
          ✕
        </button>
      ) : null}
    </div>
  );
}
