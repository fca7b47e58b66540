import type { Flow, TemplateMessage } from '@parley/flow-schema';
import type { TemplateSeed } from '@parley/whatsapp/simulator';

/**
 * The templates a flow sends, as approved templates for the sandbox's
 * simulator, so a flow that uses templates can be played before any exist
 * at Meta. Bodies come from the node's preview text, or numbered
 * placeholders matching its parameters.
 */
export function templateSeedsOf(flow: Flow): TemplateSeed[] {
  const seen = new Set<string>();
  const seeds: TemplateSeed[] = [];
  for (const template of templatesIn(flow)) {
    const key = `${template.name}/${template.language}`;
    if (seen.has(key)) continue;
    seen.add(key);
    seeds.push(seedOf(template));
  }
  return seeds;
}

function templatesIn(flow: Flow): TemplateMessage[] {
  return flow.nodes.flatMap((node) => {
    const found: TemplateMessage[] = [];
    if (node.kind === 'template') found.push(node.template);
    if ('fallbackTemplate' in node && node.fallbackTemplate) found.push(node.fallbackTemplate);
    return found;
  });
}

function seedOf(template: TemplateMessage): TemplateSeed {
  const named = template.parameterFormat === 'named';
  const placeholders = template.bodyParameters.map((parameter, index) =>
    named ? `{{${parameter.name ?? `p${index + 1}`}}}` : `{{${index + 1}}}`,
  );
  const preview = template.previewText;
  const previewFits =
    preview !== undefined && !named && (preview.match(/\{\{\d+\}\}/g) ?? []).length === placeholders.length;
  const body = previewFits
    ? preview
    : ['Message', ...placeholders].join(' ').concat(placeholders.length > 0 ? '.' : '');
  const components: TemplateSeed['components'] = [];
  if (template.headerParameters.length > 0) {
    components.push({
      type: 'HEADER',
      format: 'TEXT',
      text: named ? `{{${template.headerParameters[0]?.name}}}` : 'Hello {{1}}',
    });
  }
  components.push({ type: 'BODY', text: body });
  if (template.quickReplies.length > 0) {
    components.push({
      type: 'BUTTONS',
      buttons: template.quickReplies.map((reply) => ({ type: 'QUICK_REPLY', text: reply.title })),
    });
  }
  return {
    name: template.name,
    language: template.language,
    category:
      template.category === 'marketing' ? 'MARKETING' : template.category === 'utility' ? 'UTILITY' : 'AUTHENTICATION',
    status: 'APPROVED',
    parameter_format: named ? 'NAMED' : 'POSITIONAL',
    components,
  };
}
