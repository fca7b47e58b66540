import type { FlowNode } from '../nodes/index.ts';
import { findMalformedPlaceholders, findPlaceholders } from '../placeholders.ts';
import { nameOf, type Path, type ValidationContext } from './context.ts';
import { textFieldsOf } from './text-fields.ts';

/** Placeholders that would show braces to the customer, and variables that are used but never declared. */
export function checkVariables(ctx: ValidationContext): void {
  ctx.flow.nodes.forEach((node, index) => {
    const undeclared = (name: string, use: string, path: Path) => {
      const root = name.split('.')[0] ?? name;
      if (ctx.variables.has(root) || ctx.builtIns.has(root)) return;
      ctx.report(
        'structure.undeclared_variable',
        `Node ${nameOf(node)} ${use} the variable "${root}", which is not declared. Declare it under variables (built-in ones are ${[...ctx.builtIns].join(', ')}).`,
        { nodeId: node.id, path: ['nodes', index, ...path] },
      );
    };

    for (const field of textFieldsOf(node)) {
      if (!field.text.includes('{{')) continue;
      for (const offset of findMalformedPlaceholders(field.text)) {
        const excerpt = field.text.slice(offset, offset + 24);
        ctx.report(
          'structure.malformed_placeholder',
          `Node ${nameOf(node)} has "${excerpt}", which is not a valid placeholder, so the customer would see the braces. Write placeholders as {{variable_name}} in lowercase.`,
          { nodeId: node.id, path: ['nodes', index, ...field.path] },
        );
      }
      for (const placeholder of findPlaceholders(field.text)) undeclared(placeholder.name, 'uses', field.path);
    }
    for (const [name, path, use] of variablesWritten(node)) undeclared(name, use, path);
  });
}

/** Variables a node saves into or compares, with where and how. */
function variablesWritten(node: FlowNode): [string, Path, string][] {
  switch (node.kind) {
    case 'question':
      return [[node.saveAs, ['saveAs'], 'saves the answer into']];
    case 'location_request':
    case 'http_request':
      return node.saveAs === undefined ? [] : [[node.saveAs, ['saveAs'], 'saves into']];
    case 'set_variables':
      return node.assignments.map((a, i) => [a.variable, ['assignments', i, 'variable'], 'sets']);
    case 'condition':
      return node.rules.map((rule, i) => [rule.variable, ['rules', i, 'variable'], 'checks']);
    default:
      return [];
  }
}
