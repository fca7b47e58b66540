import type { ReactNode } from 'react';

/** The plain button under an editable list that appends an entry ("Add button", "Add rule"…). */
export function AddButton({ children, onClick }: { children: ReactNode; onClick: () => void }) {
  return (
    <button type="button" onClick={onClick}>
      {children}
    </button>
  );
}
