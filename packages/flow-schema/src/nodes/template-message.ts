import { z } from 'zod';
import { ReplyId } from '../ids.ts';

/**
 * A reference to an approved WhatsApp template and the values for its
 * parameters. Values are flow text, so they may hold `{{variable}}` placeholders.
 * See https://developers.facebook.com/docs/whatsapp/cloud-api/guides/send-message-templates
 */
export const TemplateCategory = z.enum(['marketing', 'utility', 'authentication']);
export type TemplateCategory = z.infer<typeof TemplateCategory>;

export const TemplateParameter = z.object({
  /** For templates with named parameters (`{{first_name}}`); absent for positional ones. */
  name: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/, 'a named template parameter uses lowercase letters, digits and "_"')
    .optional(),
  value: z.string(),
  /**
   * Sent when `value` comes out empty (a contact without a name, an event
   * without a field): WhatsApp refuses empty parameters and drops the message.
   */
  fallback: z.string().optional(),
});
export type TemplateParameter = z.infer<typeof TemplateParameter>;

/** A URL button's dynamic suffix or a copy-code button's coupon. */
export const TemplateButtonParameter = z.object({
  /** 0-based position of the button in the approved template. */
  index: z.number().int().min(0).max(9),
  subType: z.enum(['url', 'copy_code']),
  value: z.string(),
});

/** A quick-reply button of the template; its payload comes back in the webhook when tapped. */
export const TemplateQuickReply = z.object({
  index: z.number().int().min(0).max(9),
  payload: ReplyId,
  /** The button's label in the approved template, for previews. */
  title: z.string(),
});
export type TemplateQuickReply = z.infer<typeof TemplateQuickReply>;

export const TemplateMessage = z.object({
  name: z.string().min(1, 'a template needs a name'),
  language: z.string().min(2, 'a template needs a language code such as "en_US"'),
  category: TemplateCategory,
  parameterFormat: z.enum(['positional', 'named']).default('positional'),
  /** How many parameters the approved template's header and body expect, when known (from the template registry). */
  expects: z.object({ header: z.number().int().min(0), body: z.number().int().min(0) }).optional(),
  headerParameters: z.array(TemplateParameter).default([]),
  bodyParameters: z.array(TemplateParameter).default([]),
  buttonParameters: z.array(TemplateButtonParameter).default([]),
  quickReplies: z.array(TemplateQuickReply).default([]),
  /** Shown in the editor to preview the message; WhatsApp renders the approved text. */
  previewText: z.string().optional(),
});
export type TemplateMessage = z.infer<typeof TemplateMessage>;
