import { z } from 'zod';
import { CLOUD_API_LIMITS } from '../limits.ts';

// Template management, reference §7. https://developers.facebook.com/docs/whatsapp/business-management-api/message-templates

export const TemplateStatus = z.enum([
  'APPROVED',
  'PENDING',
  'REJECTED',
  'PAUSED',
  'DISABLED',
  'IN_APPEAL',
  'PENDING_DELETION',
  'DELETED',
  'LIMIT_EXCEEDED',
  'ARCHIVED',
  'LOCKED',
]);
export type TemplateStatus = z.infer<typeof TemplateStatus>;

export const TemplateCategory = z.enum(['MARKETING', 'UTILITY', 'AUTHENTICATION']);
export type TemplateCategory = z.infer<typeof TemplateCategory>;

/** Requests use lowercase, responses uppercase; both are accepted and upper-cased. */
export const ParameterFormat = z
  .string()
  .transform((format) => format.toUpperCase())
  .pipe(z.enum(['POSITIONAL', 'NAMED']));

export const TemplateButtonDefinition = z.looseObject({
  type: z.enum(['QUICK_REPLY', 'URL', 'PHONE_NUMBER', 'COPY_CODE', 'FLOW', 'OTP', 'CATALOG', 'MPM', 'VOICE_CALL']),
  text: z.string().max(25).optional(),
  url: z.string().max(2000).optional(),
  phone_number: z.string().optional(),
  example: z.union([z.array(z.string()), z.string()]).optional(),
});

export const TemplateComponentDefinition = z.looseObject({
  type: z.string().transform((type) => type.toUpperCase()),
  format: z.string().optional(),
  text: z.string().optional(),
  buttons: z.array(TemplateButtonDefinition).max(CLOUD_API_LIMITS.templateButtonsMax).optional(),
  example: z.looseObject({}).optional(),
});
export type TemplateComponentDefinition = z.infer<typeof TemplateComponentDefinition>;

/** `POST /{waba-id}/message_templates` body. */
export const TemplateCreateRequest = z.looseObject({
  name: z
    .string()
    .min(1)
    .max(CLOUD_API_LIMITS.templateName)
    .regex(/^[a-z0-9_]+$/, { error: 'a template name is lowercase letters, digits and underscores' }),
  category: TemplateCategory,
  language: z.string().min(2),
  parameter_format: ParameterFormat.optional(),
  components: z.array(TemplateComponentDefinition).min(1),
  allow_category_change: z.boolean().optional(),
});
export type TemplateCreateRequest = z.input<typeof TemplateCreateRequest>;

export const TemplateCreateResponse = z.looseObject({
  id: z.string(),
  status: z.string(),
  category: z.string(),
});
export type TemplateCreateResponse = z.infer<typeof TemplateCreateResponse>;

export const TemplateRecord = z.looseObject({
  id: z.string(),
  name: z.string(),
  language: z.string(),
  status: z.string(),
  category: z.string(),
  sub_category: z.string().optional(),
  parameter_format: z.string().optional(),
  components: z.array(TemplateComponentDefinition).optional(),
  quality_score: z.looseObject({ score: z.string() }).optional(),
  rejected_reason: z.string().optional(),
});
export type TemplateRecord = z.infer<typeof TemplateRecord>;

export const Paging = z.looseObject({
  cursors: z.looseObject({ before: z.string().optional(), after: z.string().optional() }).optional(),
  next: z.string().optional(),
  previous: z.string().optional(),
});

export const TemplateListResponse = z.looseObject({
  data: z.array(TemplateRecord),
  paging: Paging.optional(),
});
export type TemplateListResponse = z.infer<typeof TemplateListResponse>;
