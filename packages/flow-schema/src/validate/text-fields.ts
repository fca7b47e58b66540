import type { FlowNode } from '../nodes/index.ts';
import type { TemplateMessage } from '../nodes/template-message.ts';
import type { Path } from './context.ts';

/** A piece of flow text that may hold `{{placeholders}}`, with its path inside the node. */
export type TextField = { path: Path; text: string };

/** Every text of a node that reaches the customer or a business system, where placeholders are filled in. */
export function textFieldsOf(node: FlowNode): TextField[] {
  const fields: TextField[] = [];
  const add = (text: string | undefined, ...path: Path) => {
    if (text !== undefined) fields.push({ path, text });
  };
  switch (node.kind) {
    case 'text':
      add(node.text, 'text');
      break;
    case 'media':
      add(node.caption, 'caption');
      add(node.filename, 'filename');
      break;
    case 'buttons':
      if (node.header?.type === 'text') add(node.header.text, 'header', 'text');
      add(node.body, 'body');
      add(node.footer, 'footer');
      break;
    case 'list':
      add(node.header, 'header');
      add(node.body, 'body');
      add(node.footer, 'footer');
      node.sections.forEach((section, s) => {
        add(section.title, 'sections', s, 'title');
        section.rows.forEach((row, r) => {
          add(row.title, 'sections', s, 'rows', r, 'title');
          add(row.description, 'sections', s, 'rows', r, 'description');
        });
      });
      break;
    case 'cta_url':
      if (node.header?.type === 'text') add(node.header.text, 'header', 'text');
      add(node.body, 'body');
      add(node.footer, 'footer');
      add(node.url, 'url');
      break;
    case 'location_request':
      add(node.body, 'body');
      break;
    case 'template':
      fields.push(...templateFields(node.template, 'template'));
      break;
    case 'question':
      add(node.prompt, 'prompt');
      add(node.retryPrompt, 'retryPrompt');
      break;
    case 'condition':
      node.rules.forEach((rule, r) => {
        add(rule.value, 'rules', r, 'value');
      });
      break;
    case 'set_variables':
      node.assignments.forEach((assignment, a) => {
        add(assignment.value, 'assignments', a, 'value');
      });
      break;
    case 'http_request':
      add(node.url, 'url');
      add(node.body, 'body');
      node.headers.forEach((header, h) => {
        if ('value' in header) add(header.value, 'headers', h, 'value');
      });
      break;
    case 'handoff':
      add(node.message, 'message');
      break;
    case 'ai_answer':
      add(node.instructions, 'instructions');
      break;
    case 'opt_in':
      add(node.wording, 'wording');
      break;
    case 'opt_out':
      add(node.confirmation, 'confirmation');
      break;
    case 'end':
      add(node.message, 'message');
      break;
    case 'delay':
    case 'jump':
      break;
  }
  if ('fallbackTemplate' in node && node.fallbackTemplate !== undefined) {
    fields.push(...templateFields(node.fallbackTemplate, 'fallbackTemplate'));
  }
  return fields;
}

function templateFields(template: TemplateMessage, at: string): TextField[] {
  return [
    ...template.headerParameters.map((p, i) => ({ path: [at, 'headerParameters', i, 'value'], text: p.value })),
    ...template.bodyParameters.map((p, i) => ({ path: [at, 'bodyParameters', i, 'value'], text: p.value })),
    ...template.buttonParameters.map((p, i) => ({ path: [at, 'buttonParameters', i, 'value'], text: p.value })),
  ];
}

/** Templates a node sends: its own, or the fallback it sends when the window is closed. */
export function templatesOf(node: FlowNode): { template: TemplateMessage; at: string }[] {
  const found: { template: TemplateMessage; at: string }[] = [];
  if (node.kind === 'template') found.push({ template: node.template, at: 'template' });
  if ('fallbackTemplate' in node && node.fallbackTemplate !== undefined) {
    found.push({ template: node.fallbackTemplate, at: 'fallbackTemplate' });
  }
  return found;
}
