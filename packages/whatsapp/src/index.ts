/**
 * @parley/whatsapp: everything Parley knows about Meta's WhatsApp Cloud API.
 * Payload schemas (outbound sends with Meta's limits, lenient inbound webhooks),
 * webhook signatures, the error-code catalogue, a small fetch-based Graph API
 * client, and (under `@parley/whatsapp/simulator`) a faithful in-process or
 * HTTP simulator of the Graph API for tests, benchmarks and the editor's chat.
 * Facts come from docs/whatsapp reference; Meta: https://developers.facebook.com/docs/whatsapp/cloud-api
 */
export {
  createGraphClient,
  DEFAULT_API_VERSION,
  DEFAULT_BASE_URL,
  type GraphClient,
  type GraphClientOptions,
  type MediaDownload,
  type SendOptions,
  type TemplateListQuery,
} from './client/graph-client.ts';
export {
  type ClientFailure,
  type ClientFailureCode,
  type FetchInit,
  type FetchLike,
  type FetchResponseLike,
  type GraphFailure,
  type GraphResult,
  isGraphError,
} from './client/request.ts';
export {
  CATALOGUED_CODES,
  classifyGraphError,
  type ErrorClass,
  type ErrorConsequence,
  type FlowNotice,
  type SendConsequence,
} from './errors/catalogue.ts';
export { buildGraphError } from './errors/graph-error.ts';
export { httpStatusForCode } from './errors/http-status.ts';
export {
  metaPath,
  type OutboundIssue,
  type ValidationResult,
  validateMarkRead,
  validateOutboundMessage,
} from './errors/validate-outbound.ts';
export { GraphError, GraphErrorEnvelope, WebhookError } from './schemas/graph/error.ts';
export {
  MediaInfo,
  MediaUploadResponse,
  PhoneNumberFields,
  SendSuccess,
  SuccessResponse,
} from './schemas/graph/responses.ts';
export {
  ParameterFormat,
  TemplateCategory,
  TemplateComponentDefinition,
  TemplateCreateRequest,
  TemplateCreateResponse,
  TemplateListResponse,
  TemplateRecord,
  TemplateStatus,
} from './schemas/graph/templates.ts';
export {
  BSUID_PATTERN,
  Bsuid,
  contactKeyOf,
  type IdentityFields,
  isBsuid,
  normalizePhone,
  phoneOf,
} from './schemas/identity.ts';
export { listWebhookEvents, type ReadWebhookResult, readWebhook, type WebhookEvent } from './schemas/inbound/events.ts';
export {
  PhoneNumberQualityValue,
  TemplateCategoryValue,
  TemplateStatusValue,
  UserPreferencesValue,
} from './schemas/inbound/fields.ts';
export { InboundWebhookMessage, WebhookContact } from './schemas/inbound/message.ts';
export { StatusUpdate } from './schemas/inbound/status.ts';
export {
  FIELD_SCHEMAS,
  isKnownField,
  type KnownField,
  MessagesValue,
  type ParseWebhookResult,
  parseWebhook,
  type WebhookChange,
  type WebhookIssue,
  WebhookPayload,
} from './schemas/inbound/webhook.ts';
export { CLOUD_API_LIMITS, MEDIA_LIMITS, type MediaKind } from './schemas/limits.ts';
export { Interactive, PASS_THROUGH_INTERACTIVE_TYPES } from './schemas/outbound/interactive.ts';
export { MarkReadRequest, OutboundMessage, type OutboundMessageType } from './schemas/outbound/message.ts';
export { TemplateBody, TemplateComponent } from './schemas/outbound/template.ts';
export { signWebhookBody, stringifyMetaJson, verifyWebhookSignature } from './signature.ts';
export { answerVerification, type VerificationAnswer, type VerificationQuery } from './verification.ts';
