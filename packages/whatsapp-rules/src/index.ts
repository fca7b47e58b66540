/**
 * @parley/whatsapp-rules: the facts about WhatsApp that more than one package
 * needs, stated once, as data and pure functions. The limits table (one entry
 * per limit, with its reference section and, where the editor deliberately
 * allows less than Meta accepts, both numbers and why), the outbound media
 * types and sizes, the 24-hour customer service window, and the rules Meta
 * applies to template parameter text. The flow schema's validator, the engine
 * and the WhatsApp package (payload schemas, simulator) all read them from
 * here, so they cannot drift apart. No dependencies, no I/O, no clock.
 * Sections refer to the project's Cloud API reference; Meta: https://developers.facebook.com/docs/whatsapp/cloud-api
 */
export {
  ACCEPTED_LIMITS,
  type AcceptedOnlyLimit,
  acceptedValue,
  EDITOR_LIMITS,
  type EditorLimitName,
  type EditorStricterLimit,
  editorValue,
  LIMITS,
  type Limit,
  type LimitName,
  type ReferenceSection,
  type SharedLimit,
} from './limits.ts';
export { type MediaKind, OUTBOUND_MEDIA } from './outbound-media.ts';
export { isWindowOpen, SERVICE_WINDOW_HOURS, SERVICE_WINDOW_MS, windowClosesAt } from './service-window.ts';
export {
  checkTemplateParameterText,
  MAX_CONSECUTIVE_SPACES,
  TEMPLATE_PARAMETER_TEXT_RULES,
  type TemplateParameterTextCheck,
  type TemplateParameterTextRule,
} from './template-parameter-text.ts';
