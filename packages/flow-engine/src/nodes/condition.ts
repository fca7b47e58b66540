import { type ConditionNode, rulePort } from '@parley/flow-schema';
import { ruleHolds } from '../conditions.ts';
import type { Handler } from './handler.ts';

export const conditionHandler: Handler<ConditionNode> = {
  enter(node, st) {
    const rule = node.rules.find((r) => ruleHolds(st, node.id, r));
    return { kind: 'next', port: rule === undefined ? 'else' : rulePort(rule.id) };
  },
};
