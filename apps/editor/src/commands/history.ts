/**
 * Undo and redo over the results of pure commands. Because every edit is a
 * pure `(flow, args) → flow`, history is just the sequence of documents.
 */
export type History<T> = { past: T[]; present: T; future: T[] };

const LIMIT = 200;

export function startHistory<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

/** Records a new present; an unchanged document records nothing. */
export function record<T>(history: History<T>, next: T): History<T> {
  if (next === history.present) return history;
  return { past: [...history.past, history.present].slice(-LIMIT), present: next, future: [] };
}

/** Changes the present without an undo step (while a drag is in progress). */
export function replacePresent<T>(history: History<T>, next: T): History<T> {
  return next === history.present ? history : { ...history, present: next };
}

export function undo<T>(history: History<T>): History<T> {
  const previous = history.past.at(-1);
  if (previous === undefined) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future] };
}

export function redo<T>(history: History<T>): History<T> {
  const next = history.future[0];
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future: history.future.slice(1) };
}

/** Records the undo step of a gesture whose intermediate states were `replacePresent`ed. */
export function recordSince<T>(history: History<T>, before: T): History<T> {
  if (before === history.present) return history;
  return { past: [...history.past, before].slice(-LIMIT), present: history.present, future: [] };
}
