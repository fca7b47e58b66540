import type { SetVariablesNode } from '@parley/flow-schema';
import type { StepState } from '../step-state.ts';
import { renderText } from '../variables.ts';
import { type Handler, next } from './handler.ts';

/** Declared number and boolean variables keep their type, so conditions compare them as such. */
function typed(st: StepState, variable: string, text: string): string | number | boolean {
  const declared = st.flow.variables.find((v) => v.name === variable)?.type;
  const trimmed = text.trim();
  if (declared === 'number') {
    const value = Number(trimmed.replace(',', '.'));
    return trimmed !== '' && Number.isFinite(value) ? value : text;
  }
  if (declared === 'boolean' && /^(true|false)$/i.test(trimmed)) return trimmed.toLowerCase() === 'true';
  return text;
}

export const setVariablesHandler: Handler<SetVariablesNode> = {
  enter(node, st) {
    for (const { variable, value } of node.assignments) {
      st.session.variables[variable] = typed(st, variable, renderText(st, value, node.id));
    }
    return next;
  },
};
