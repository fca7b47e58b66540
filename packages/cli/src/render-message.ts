import { type OutboundPayload, offeredChoices } from '@parley/flow-engine';
import type { Flow } from '@parley/flow-schema';

/** Reads a nested field of a Cloud API body without trusting its shape. */
function at(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = Reflect.get(current, key);
  }
  return current;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function mediaRef(value: unknown): string {
  return text(at(value, 'link')) || `media id ${text(at(value, 'id'))}`;
}

function renderInteractive(payload: OutboundPayload, flow: Flow | undefined): string[] {
  const interactive = payload.interactive;
  const type = text(at(interactive, 'type'));
  const lines: string[] = [];
  const header = at(interactive, 'header');
  const headerType = text(at(header, 'type'));
  if (headerType === 'text') lines.push(`*${text(at(header, 'text'))}*`);
  else if (headerType !== '') lines.push(`[${headerType}: ${mediaRef(at(header, headerType))}]`);
  lines.push(text(at(interactive, 'body', 'text')));
  const footer = text(at(interactive, 'footer', 'text'));
  if (footer !== '') lines.push(`_${footer}_`);
  if (type === 'cta_url') {
    const parameters = at(interactive, 'action', 'parameters');
    lines.push(`[${text(at(parameters, 'display_text'))} -> ${text(at(parameters, 'url'))}]`);
  } else if (type === 'location_request_message') {
    lines.push('[Send location]  (type /location 52.52,13.40)');
  } else if (type === 'list') {
    lines.push(`[${text(at(interactive, 'action', 'button'))}]`);
  }
  lines.push(...numbered(payload, flow));
  return lines;
}

function numbered(payload: OutboundPayload, flow: Flow | undefined): string[] {
  return offeredChoices(payload, flow).map(
    (choice, index) => `  ${index + 1}) ${choice.title}${choice.description ? ` - ${choice.description}` : ''}`,
  );
}

function renderTemplate(payload: OutboundPayload, flow: Flow | undefined): string[] {
  const template = payload.template;
  const name = text(at(template, 'name'));
  const components = list(at(template, 'components'));
  const values = (kind: string) =>
    components
      .filter((c) => at(c, 'type') === kind)
      .flatMap((c) => list(at(c, 'parameters')))
      .map((p) => text(at(p, 'text')) || text(at(p, 'coupon_code')));
  const header = values('header');
  const body = values('body');
  const lines = [`[template ${name} (${text(at(template, 'language', 'code'))})]`];
  const preview = previewOf(flow, name);
  if (preview !== undefined) {
    let index = 0;
    lines.push(
      preview.replace(/\{\{\s*([a-z0-9_]+)\s*\}\}/g, (whole, key: string) => {
        const value = /^\d+$/.test(key) ? body[Number(key) - 1] : body[index];
        index += 1;
        return value ?? whole;
      }),
    );
  }
  if (header.length > 0) lines.push(`header: ${header.join(' | ')}`);
  if (body.length > 0) lines.push(`parameters: ${body.join(' | ')}`);
  lines.push(...numbered(payload, flow));
  return lines;
}

function previewOf(flow: Flow | undefined, name: string): string | undefined {
  for (const node of flow?.nodes ?? []) {
    const template =
      node.kind === 'template' ? node.template : 'fallbackTemplate' in node ? node.fallbackTemplate : undefined;
    if (template?.name === name && template.previewText !== undefined) return template.previewText;
  }
  return undefined;
}

/**
 * A bot message as a person reads it in a terminal: text as is, buttons and
 * list rows as numbered choices, templates with their filled parameters, media
 * as `[image: url]`.
 */
export function renderMessage(payload: OutboundPayload, flow?: Flow): string[] {
  switch (payload.type) {
    case 'text':
      return text(at(payload, 'text', 'body')).split('\n');
    case 'interactive':
      return renderInteractive(payload, flow);
    case 'template':
      return renderTemplate(payload, flow);
    case 'location':
      return [
        `[location: ${String(at(payload, 'location', 'latitude'))}, ${String(at(payload, 'location', 'longitude'))}]`,
      ];
    default: {
      const media = payload[payload.type];
      const caption = text(at(media, 'caption'));
      return [`[${payload.type}: ${mediaRef(media)}]${caption ? ` ${caption}` : ''}`];
    }
  }
}
