import { useEffect } from 'react';

type Handlers = {
  undo: () => void;
  redo: () => void;
  copy: () => void;
  paste: () => void;
  remove: () => void;
  save: () => void;
  deselect: () => void;
};
type Action = keyof Handlers;
const PLAIN_KEYS: Record<string, Action> = { delete: 'remove', backspace: 'remove', escape: 'deselect' };

function typingIn(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/** Which editor action a key press asks for. While the user types in a field only Ctrl+S counts; the rest belong to the field. */
export function shortcutOf(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey'>,
  typing: boolean,
): Action | null {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (mod && key === 's') return 'save';
  if (typing) return null;
  if (!mod) return PLAIN_KEYS[key] ?? null;
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  const withMod: Record<string, Action> = { y: 'redo', c: 'copy', v: 'paste' };
  return withMod[key] ?? null;
}

export function useShortcuts(handlers: Handlers): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = shortcutOf(e, typingIn(e.target));
      if (!action) return;
      e.preventDefault();
      handlers[action]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [handlers]);
}
