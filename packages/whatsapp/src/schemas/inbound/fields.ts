import { z } from 'zod';

// Values of the non-`messages` webhook fields Parley subscribes to, reference §3.7.
// https://developers.facebook.com/docs/graph-api/webhooks/reference/whatsapp-business-account

const numberOrString = z.union([z.number(), z.string()]);

export const TemplateStatusValue = z.looseObject({
  event: z.string(),
  message_template_id: numberOrString,
  message_template_name: z.string(),
  message_template_language: z.string(),
  reason: z.string().nullable().optional(),
  message_template_category: z.string().optional(),
  disable_info: z.looseObject({}).optional(),
  other_info: z.looseObject({ title: z.string().optional(), description: z.string().optional() }).optional(),
  rejection_info: z.looseObject({ reason: z.string().optional(), recommendation: z.string().optional() }).optional(),
});
export type TemplateStatusValue = z.infer<typeof TemplateStatusValue>;

/** Impending notices carry `correct_category`; completed ones `previous_category`/`new_category`. */
export const TemplateCategoryValue = z.looseObject({
  message_template_id: numberOrString,
  message_template_name: z.string(),
  message_template_language: z.string(),
  previous_category: z.string().optional(),
  new_category: z.string().optional(),
  correct_category: z.string().optional(),
  category_update_timestamp: numberOrString.optional(),
});
export type TemplateCategoryValue = z.infer<typeof TemplateCategoryValue>;

export const PhoneNumberQualityValue = z.looseObject({
  display_phone_number: z.string(),
  event: z.string(),
  current_limit: z.string().optional(),
  old_limit: z.string().optional(),
  max_daily_conversations_per_business: z.string().optional(),
});
export type PhoneNumberQualityValue = z.infer<typeof PhoneNumberQualityValue>;

export const UserPreferencesValue = z.looseObject({
  messaging_product: z.string().optional(),
  metadata: z.looseObject({ display_phone_number: z.string(), phone_number_id: z.string() }).optional(),
  contacts: z.array(z.looseObject({})).optional(),
  user_preferences: z.array(
    z.looseObject({
      wa_id: z.string().optional(),
      user_id: z.string().optional(),
      detail: z.string().optional(),
      category: z.string(),
      value: z.string(),
      timestamp: numberOrString,
    }),
  ),
});
export type UserPreferencesValue = z.infer<typeof UserPreferencesValue>;
