/**
 * @parley/flow-schema: the flow document. One zod schema is the truth for the
 * editor, the engine and the runtime; types are inferred from it, the JSON
 * Schema is generated from it, `loadFlow` migrates old files into it and
 * `validateFlow` judges a flow against WhatsApp's limits, Meta's policy and
 * the 24-hour window. Depends on zod and @parley/whatsapp-rules (where
 * WhatsApp's limits live) alone; does no I/O.
 */
export { type Diagnostic, hasErrors, type Severity } from './diagnostic.ts';
export { type Edge, Edge as EdgeSchema } from './edge.ts';
export { CURRENT_SCHEMA_VERSION, Flow, type FlowInput } from './flow.ts';
export { buildGraph, type FlowGraph } from './graph.ts';
export { EdgeId, FlowId, NodeId, ReplyId, VariableName } from './ids.ts';
export { flowJsonSchema, flowJsonSchemaText } from './json-schema.ts';
export { MEDIA_EXTENSIONS, MEDIA_MIME_TYPES, WHATSAPP_LIMITS } from './limits.ts';
export { describeIssues, formatPath, type LoadError, type LoadIssue, type LoadResult, loadFlow } from './load-flow.ts';
export { MIGRATIONS, type Migration } from './migrations/index.ts';
export { AiAnswerNode } from './nodes/ai-answer.ts';
export { ButtonsNode, ReplyButton } from './nodes/buttons.ts';
export { InteractiveHeader, MediaSource } from './nodes/common.ts';
export { ConditionNode, ConditionOperator, ConditionRule } from './nodes/condition.ts';
export { CtaUrlNode } from './nodes/cta-url.ts';
export { DelayNode, DurationUnit, delayMs } from './nodes/delay.ts';
export { EndNode } from './nodes/end.ts';
export { HandoffNode } from './nodes/handoff.ts';
export { HttpHeader, HttpRequestNode } from './nodes/http-request.ts';
export { FlowNode, NODE_KINDS, type NodeKind, type NodeOfKind } from './nodes/index.ts';
export { JumpNode } from './nodes/jump.ts';
export { ListNode, ListRow, ListSection } from './nodes/list.ts';
export { LocationRequestNode } from './nodes/location-request.ts';
export { MediaNode, MediaType } from './nodes/media.ts';
export { ConsentCategory, OptInNode } from './nodes/opt-in.ts';
export { OptOutNode } from './nodes/opt-out.ts';
export { AnswerType, QuestionNode } from './nodes/question.ts';
export { SetVariablesNode } from './nodes/set-variables.ts';
export { TemplateNode } from './nodes/template.ts';
export {
  TemplateButtonParameter,
  TemplateCategory,
  TemplateMessage,
  TemplateParameter,
  TemplateQuickReply,
} from './nodes/template-message.ts';
export { TextNode } from './nodes/text.ts';
export { fillPlaceholders, findMalformedPlaceholders, findPlaceholders, type Placeholder } from './placeholders.ts';
export {
  buttonPort,
  type Port,
  type PortRole,
  portsOf,
  quickReplyPort,
  rowPort,
  rulePort,
  sendsSessionMessage,
  waitsForCustomer,
} from './ports.ts';
export { BotLabel, PURPOSES, Purpose, Scope } from './scope.ts';
export { Settings } from './settings.ts';
export { Trigger, type TriggerKind, triggerOpensWindow } from './triggers.ts';
export {
  DIAGNOSTIC_CATALOGUE,
  DIAGNOSTIC_CODES,
  type DiagnosticCode,
  type DiagnosticFamily,
  type DiagnosticRule,
  isDiagnosticCode,
} from './validate/catalogue.ts';
export { validateFlow } from './validate/validate-flow.ts';
export { analyzeWindow, type WindowState } from './validate/window.ts';
export { BUILT_IN_VARIABLES, Variable, VariableType } from './variables.ts';
