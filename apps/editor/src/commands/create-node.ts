import type { NodeKind } from '@parley/flow-schema';
import { FlowNode } from '@parley/flow-schema';
import type { z } from 'zod';

type NodeInput = z.input<typeof FlowNode>;

type Position = { x: number; y: number };

// What a freshly added node holds: enough to show the customer something
// sensible, so a new node is never an empty bubble. One entry per kind, so a
// new kind without a starting point does not compile.
const starters: { [K in NodeKind]: Omit<Extract<NodeInput, { kind: K }>, 'id' | 'position'> } = {
  text: { kind: 'text', text: 'Hello! How can we help?', previewUrl: false },
  media: { kind: 'media', mediaType: 'image', media: { link: 'https://example.com/picture.jpg' } },
  buttons: { kind: 'buttons', body: 'What would you like to do?', buttons: [{ id: 'b1', title: 'Option 1' }] },
  list: {
    kind: 'list',
    body: 'Please choose one of these options.',
    buttonText: 'Choose',
    sections: [{ title: 'Options', rows: [{ id: 'r1', title: 'Option 1' }] }],
  },
  cta_url: { kind: 'cta_url', body: 'Have a look at our website.', displayText: 'Open', url: 'https://example.com' },
  location_request: { kind: 'location_request', body: 'Please share your location.' },
  template: {
    kind: 'template',
    template: {
      name: 'hello_world',
      language: 'en_US',
      category: 'utility',
      parameterFormat: 'positional',
      headerParameters: [],
      bodyParameters: [],
      buttonParameters: [],
      quickReplies: [],
    },
  },
  question: {
    kind: 'question',
    prompt: 'What is your name?',
    answerType: 'text',
    choices: [],
    saveAs: 'answer',
    retries: 2,
  },
  condition: { kind: 'condition', rules: [{ id: 'rule1', variable: 'answer', operator: 'equals', value: '' }] },
  set_variables: { kind: 'set_variables', assignments: [{ variable: 'answer', value: '' }] },
  http_request: { kind: 'http_request', method: 'GET', url: 'https://example.com/api', headers: [], timeoutMs: 10_000 },
  delay: { kind: 'delay', amount: 1, unit: 'hours' },
  handoff: { kind: 'handoff', message: 'A colleague will reply here shortly.', queue: 'default' },
  ai_answer: { kind: 'ai_answer', instructions: 'Answer briefly and politely.', topics: ['our products'] },
  opt_in: { kind: 'opt_in', category: 'marketing', wording: 'Offers and news by WhatsApp' },
  opt_out: { kind: 'opt_out', category: 'marketing', confirmation: 'You will not receive offers any more.' },
  jump: { kind: 'jump', flowId: 'other-flow' },
  end: { kind: 'end', message: 'Thank you, goodbye!' },
};

/** A new node of `kind` with starter content, checked by the schema. */
export function createNode(kind: NodeKind, id: string, position: Position): FlowNode {
  // Parsing brands the ids and fills defaults; starters are valid by construction.
  return FlowNode.parse({ ...starters[kind], id, position });
}

/** Plain-words name and a one-line explanation of each kind, for the palette. */
export const NODE_KIND_INFO: Record<NodeKind, { name: string; help: string }> = {
  text: { name: 'Text message', help: 'Send a text message' },
  media: { name: 'Image, video or file', help: 'Send a picture, video, audio, document or sticker' },
  buttons: { name: 'Reply buttons', help: 'Up to 3 buttons the customer can tap' },
  list: { name: 'List menu', help: 'A menu of up to 10 options' },
  cta_url: { name: 'Link button', help: 'A button that opens a web page' },
  location_request: { name: 'Ask for location', help: 'Ask the customer to share where they are' },
  template: { name: 'Template message', help: 'An approved template: the only message allowed after 24 hours' },
  question: { name: 'Question', help: 'Ask something and keep the answer' },
  condition: { name: 'Condition', help: 'Go different ways depending on an answer' },
  set_variables: { name: 'Set variables', help: 'Remember a value for later' },
  http_request: { name: 'Call a business system', help: 'Look something up or send data to your systems' },
  delay: { name: 'Wait', help: 'Wait a while before going on' },
  handoff: { name: 'Hand over to a person', help: 'A colleague takes over the conversation' },
  ai_answer: { name: 'AI answer', help: 'Answer questions about the listed topics only' },
  opt_in: { name: 'Record opt-in', help: 'The customer agreed to receive messages' },
  opt_out: { name: 'Record opt-out', help: 'The customer no longer wants messages' },
  jump: { name: 'Go to another flow', help: 'Continue in another published flow' },
  end: { name: 'End', help: 'End the conversation' },
};
