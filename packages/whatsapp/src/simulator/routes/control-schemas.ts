import { z } from 'zod';
import { TemplateCategory, TemplateComponentDefinition, TemplateStatus } from '../../schemas/graph/templates.ts';

/** Bodies of the `/_sim` control routes, parsed where they enter. */
const profile = { name: z.string().optional(), username: z.string().optional(), replyTo: z.string().optional() };

export const CustomerMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().min(1), ...profile }),
  z.object({ type: z.literal('button'), id: z.string().min(1), title: z.string(), ...profile }),
  z.object({
    type: z.literal('list'),
    id: z.string().min(1),
    title: z.string(),
    description: z.string().optional(),
    ...profile,
  }),
  z.object({ type: z.literal('template_button'), payload: z.string(), text: z.string(), ...profile }),
  z.object({
    type: z.literal('location'),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    /** The place's name (`name` is the customer's profile name). */
    placeName: z.string().optional(),
    address: z.string().optional(),
    ...profile,
  }),
  z.object({
    type: z.literal('media'),
    kind: z.enum(['image', 'video', 'audio', 'document', 'sticker']),
    mimeType: z.string().optional(),
    caption: z.string().optional(),
    filename: z.string().optional(),
    voice: z.boolean().optional(),
    dataBase64: z.string().optional(),
    ...profile,
  }),
  z.object({ type: z.literal('reaction'), messageId: z.string().min(1), emoji: z.string(), ...profile }),
  z.object({ type: z.literal('unsupported'), kind: z.string().optional(), ...profile }),
]);
export type CustomerMessage = z.infer<typeof CustomerMessage>;

export const ClockChange = z.union([
  z.object({ advanceMs: z.number().nonnegative() }),
  z.object({ now: z.number().int().positive() }),
]);

export const WebhookUrlChange = z.object({ url: z.url().nullable() });

export const TemplateSeedBody = z.object({
  name: z.string().regex(/^[a-z0-9_]+$/),
  language: z.string().min(2),
  category: TemplateCategory,
  status: TemplateStatus.optional(),
  parameter_format: z.enum(['POSITIONAL', 'NAMED', 'positional', 'named']).optional(),
  components: z.array(TemplateComponentDefinition).min(1),
  paced: z.boolean().optional(),
});

export const TemplateStatusChange = z.object({ status: TemplateStatus });

export const MarketingPreferenceChange = z.object({ value: z.enum(['stop', 'resume']) });

export const NumberChange = z.object({ newPhone: z.string().min(1), newUserId: z.string().min(1).optional() });

export const UserIdChange = z.object({ newUserId: z.string().min(1).optional() });
