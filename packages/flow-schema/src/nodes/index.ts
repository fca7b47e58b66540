import { z } from 'zod';
import { AiAnswerNode } from './ai-answer.ts';
import { ButtonsNode } from './buttons.ts';
import { ConditionNode } from './condition.ts';
import { CtaUrlNode } from './cta-url.ts';
import { DelayNode } from './delay.ts';
import { EndNode } from './end.ts';
import { HandoffNode } from './handoff.ts';
import { HttpRequestNode } from './http-request.ts';
import { JumpNode } from './jump.ts';
import { ListNode } from './list.ts';
import { LocationRequestNode } from './location-request.ts';
import { MediaNode } from './media.ts';
import { OptInNode } from './opt-in.ts';
import { OptOutNode } from './opt-out.ts';
import { QuestionNode } from './question.ts';
import { SetVariablesNode } from './set-variables.ts';
import { TemplateNode } from './template.ts';
import { TextNode } from './text.ts';

/** Every node kind of schema v1: a closed union, discriminated by `kind`. */
export const FlowNode = z.discriminatedUnion('kind', [
  TextNode,
  MediaNode,
  ButtonsNode,
  ListNode,
  CtaUrlNode,
  LocationRequestNode,
  TemplateNode,
  QuestionNode,
  ConditionNode,
  SetVariablesNode,
  HttpRequestNode,
  DelayNode,
  HandoffNode,
  AiAnswerNode,
  OptInNode,
  OptOutNode,
  JumpNode,
  EndNode,
]);
export type FlowNode = z.infer<typeof FlowNode>;
export type NodeKind = FlowNode['kind'];
export type NodeOfKind<K extends NodeKind> = Extract<FlowNode, { kind: K }>;

export const NODE_KINDS = FlowNode.options.map((option) => option.shape.kind.value);
