import type { ButtonsNode, CtaUrlNode, InteractiveHeader, ListNode, LocationRequestNode } from '@parley/flow-schema';
import type { OutboundPayload } from '../effects.ts';
import { mediaObject } from './media-object.ts';

// Interactive message bodies, field for field as the Cloud API documents them:
// https://developers.facebook.com/docs/whatsapp/cloud-api/messages/interactive-reply-buttons-messages

type Render = (text: string) => string;

function header(value: InteractiveHeader | undefined, render: Render): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  if (value.type === 'text') {
    const text = render(value.text);
    return text === '' ? undefined : { type: 'text', text };
  }
  return { type: value.type, [value.type]: mediaObject(value.media) };
}

/** Adds the optional header and footer only when they have content. */
function frame(
  type: string,
  body: string,
  head: Record<string, unknown> | undefined,
  footer: string | undefined,
  action: Record<string, unknown>,
): OutboundPayload {
  const interactive: Record<string, unknown> = { type };
  if (head !== undefined) interactive.header = head;
  interactive.body = { text: body };
  if (footer !== undefined && footer !== '') interactive.footer = { text: footer };
  interactive.action = action;
  return { type: 'interactive', interactive };
}

export function buttonsPayload(node: ButtonsNode, render: Render): OutboundPayload {
  return frame('button', render(node.body), header(node.header, render), node.footer && render(node.footer), {
    buttons: node.buttons.map((b) => ({ type: 'reply', reply: { id: b.id, title: render(b.title) } })),
  });
}

function optionalText(key: string, text: string | undefined, render: Render): Record<string, string> {
  const rendered = text === undefined ? '' : render(text);
  return rendered.trim() === '' ? {} : { [key]: rendered };
}

export function listPayload(node: ListNode, render: Render): OutboundPayload {
  const head = node.header === undefined ? undefined : header({ type: 'text', text: node.header }, render);
  return frame('list', render(node.body), head, node.footer && render(node.footer), {
    button: render(node.buttonText),
    // An optional title or description whose variables came out empty is left
    // out: Meta refuses an empty section title, and an empty line says nothing.
    sections: node.sections.map((section) => ({
      ...optionalText('title', section.title, render),
      rows: section.rows.map((row) => ({
        id: row.id,
        title: render(row.title),
        ...optionalText('description', row.description, render),
      })),
    })),
  });
}

export function ctaUrlPayload(node: CtaUrlNode, render: Render, renderUrl: Render): OutboundPayload {
  return frame('cta_url', render(node.body), header(node.header, render), node.footer && render(node.footer), {
    name: 'cta_url',
    parameters: { display_text: render(node.displayText), url: renderUrl(node.url) },
  });
}

export function locationRequestPayload(node: LocationRequestNode, render: Render): OutboundPayload {
  return frame('location_request_message', render(node.body), undefined, undefined, { name: 'send_location' });
}
