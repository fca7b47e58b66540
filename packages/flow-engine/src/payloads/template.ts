import type { TemplateMessage, TemplateParameter } from '@parley/flow-schema';
import type { OutboundPayload } from '../effects.ts';

// The template body of a send, as in
// https://developers.facebook.com/docs/whatsapp/cloud-api/guides/send-message-templates
// Components are left out when the template takes no parameters (like hello_world).

type Render = (text: string) => string;

/**
 * Meta refuses a text parameter with a newline, a tab or more than four
 * spaces in a row (132018), and the whole message is lost. Customer answers
 * passed on through variables often have them, so every run of whitespace
 * becomes one space: the customer reads the same words on one line.
 */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function textParameter(parameter: TemplateParameter, render: Render): Record<string, unknown> {
  const rendered = oneLine(render(parameter.value));
  // WhatsApp refuses an empty parameter (131008) and the whole message is lost.
  const text = rendered === '' && parameter.fallback !== undefined ? oneLine(render(parameter.fallback)) : rendered;
  return parameter.name === undefined ? { type: 'text', text } : { type: 'text', parameter_name: parameter.name, text };
}

export function templatePayload(template: TemplateMessage, render: Render): OutboundPayload {
  const components: Record<string, unknown>[] = [];
  if (template.headerParameters.length > 0) {
    components.push({ type: 'header', parameters: template.headerParameters.map((p) => textParameter(p, render)) });
  }
  if (template.bodyParameters.length > 0) {
    components.push({ type: 'body', parameters: template.bodyParameters.map((p) => textParameter(p, render)) });
  }
  for (const button of template.buttonParameters) {
    const value = render(button.value);
    components.push({
      type: 'button',
      sub_type: button.subType,
      index: String(button.index),
      parameters: [
        button.subType === 'url' ? { type: 'text', text: value } : { type: 'coupon_code', coupon_code: value },
      ],
    });
  }
  // Quick-reply payloads are what the webhook echoes on a tap; the flow routes by them.
  for (const reply of template.quickReplies) {
    components.push({
      type: 'button',
      sub_type: 'quick_reply',
      index: String(reply.index),
      parameters: [{ type: 'payload', payload: reply.payload }],
    });
  }
  const body: Record<string, unknown> = {
    name: template.name,
    language: { code: template.language, policy: 'deterministic' },
  };
  if (components.length > 0) body.components = components;
  return { type: 'template', template: body };
}
