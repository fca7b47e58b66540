import { type ConditionNode, type DelayNode, delayMs, rulePort, type SetVariablesNode } from '@parley/flow-schema';
import { ruleHolds } from '../conditions.ts';
import { type StepState, scheduleTimer } from '../step-state.ts';
import { renderText } from '../variables.ts';
import { type Handler, next } from './handler.ts';

export const conditionHandler: Handler<ConditionNode> = {
  enter(node, st) {
    const rule = node.rules.find((r) => ruleHolds(st, node.id, r));
    return { kind: 'next', port: rule === undefined ? 'else' : rulePort(rule.id) };
  },
};

/** Declared number and boolean variables keep their type, so conditions compare them as such. */
function typed(st: StepState, variable: string, text: string): string | number | boolean {
  const declared = st.flow.variables.find((v) => v.name === variable)?.type;
  if (declared === 'number') {
    const value = Number(text.trim().replace(',', '.'));
    return text.trim() !== '' && Number.isFinite(value) ? value : text;
  }
  if (declared === 'boolean' && /^(true|false)$/i.test(text.trim())) return text.trim().toLowerCase() === 'true';
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

export const delayHandler: Handler<DelayNode> = {
  enter(node, st) {
    const timerId = scheduleTimer(st, node.id, st.ctx.now + delayMs(node), 'delay');
    return { kind: 'wait', waiting: { on: 'timer', nodeId: node.id, timerId } };
  },
  resume: () => next,
};
