import { fillPlaceholders } from '@parley/flow-schema';
import { notice, type StepState } from './step-state.ts';

/** Reads a variable by name; dotted names reach into objects (`order.id`). Unset is `undefined`. */
export function readVariable(st: StepState, name: string): unknown {
  const [root = '', ...path] = name.split('.');
  let value = readRoot(st, root);
  for (const key of path) value = field(value, key);
  return value;
}

function readRoot(st: StepState, root: string): unknown {
  if (Object.hasOwn(st.session.variables, root)) return st.session.variables[root];
  if (root === 'contact_name') return st.session.contact.name;
  if (root === 'contact_phone') return st.session.contact.phone;
  return st.flow.variables.find((v) => v.name === root)?.defaultValue;
}

function field(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) return /^\d+$/.test(key) ? value[Number(key)] : undefined;
  return Object.hasOwn(value, key) ? Reflect.get(value, key) : undefined;
}

/** How a value reads inside a message; `undefined` when there is nothing to show. */
export function displayValue(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

/**
 * Fills `{{placeholders}}` for a message. A variable without a value renders as
 * empty text, never as "undefined", and the author is told with a notice.
 * `encode` adapts values to where they go (a URL, a JSON body).
 */
export function renderText(
  st: StepState,
  text: string,
  nodeId: string | null,
  encode: (value: string) => string = (value) => value,
): string {
  const missing: string[] = [];
  const { text: filled } = fillPlaceholders(text, (name) => {
    const value = displayValue(readVariable(st, name));
    if (value === undefined) {
      missing.push(name);
      return '';
    }
    return encode(value);
  });
  for (const name of missing) {
    const where = nodeId === null ? '' : ` in node "${nodeId}"`;
    notice(st, 'missing_variable', nodeId, `{{${name}}}${where} has no value yet, so it was left empty.`);
  }
  return filled;
}

/** Makes any value safe to keep in a session (plain JSON); what cannot be kept becomes null. */
export function toJsonValue(value: unknown): unknown {
  if (value === undefined) return null;
  try {
    const text = JSON.stringify(value);
    return text === undefined ? null : JSON.parse(text);
  } catch {
    return null;
  }
}
