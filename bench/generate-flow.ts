// Builds realistic flows of any size for benchmarks: repeated ten-node
// modules (a button menu, a question, a condition, texts, an image, a list,
// variables, a delay and a link button) chained together, with one handoff.
import type { FlowInput } from '@parley/flow-schema';

type NodeInput = FlowInput['nodes'][number];
type EdgeInput = NonNullable<FlowInput['edges']>[number];

const VARIABLE_COUNT = 20;

/** A flow document (plain JSON, as a file would hold it) with exactly `size` nodes, size ≥ 3. */
export function generateFlow(size: number): FlowInput {
  const nodes: NodeInput[] = [
    { id: 'human', kind: 'handoff', message: 'A colleague will reply shortly.', queue: 'support' },
    { id: 'done', kind: 'end', message: 'Thanks for chatting with us!' },
  ];
  const edges: EdgeInput[] = [];
  const link = (from: string, port: string, to: string) => {
    edges.push({ id: `e${edges.length}`, from: { node: from, port }, to: { node: to } });
  };
  const modules = Math.floor((size - 3) / 10);
  for (let i = 0; i < modules; i++) {
    const next = i + 1 < modules ? `m${i + 1}_menu` : 'tail0';
    addModule(i, next, nodes, link);
  }
  // Fill up to the exact size with a chain of short texts before the end.
  const tail = size - nodes.length;
  for (let t = 0; t < tail; t++) {
    nodes.push({ id: `tail${t}`, kind: 'text', text: `Note ${t}: our shop is open from 9 to 18.` });
    link(`tail${t}`, 'next', t + 1 < tail ? `tail${t + 1}` : 'done');
  }
  return {
    schemaVersion: 1,
    id: `generated-${size}`,
    name: `Generated flow with ${size} nodes`,
    scope: {
      purpose: 'customer_service',
      summary: 'Answers questions of Acme customers about their orders, deliveries and returns.',
      topics: ['orders', 'deliveries', 'returns'],
    },
    botLabel: { name: 'Acme helper', disclosure: 'Automated Acme assistant. Type "agent" at any time for a person.' },
    triggers: [{ id: 'any', kind: 'inbound_any', start: modules > 0 ? 'm0_menu' : 'tail0' }],
    variables: [
      { name: 'first_name', example: 'Maria' },
      ...Array.from({ length: VARIABLE_COUNT }, (_, v) => ({ name: `answer_${v}`, example: '12' })),
    ],
    nodes,
    edges,
  };
}

function addModule(
  i: number,
  next: string,
  nodes: NodeInput[],
  link: (from: string, port: string, to: string) => void,
): void {
  const id = (name: string) => `m${i}_${name}`;
  const variable = `answer_${i % VARIABLE_COUNT}`;
  nodes.push(
    {
      id: id('menu'),
      kind: 'buttons',
      body: `Step ${i}: what would you like to do next, {{first_name}}?`,
      footer: 'Acme support',
      buttons: [
        { id: 'continue', title: 'Continue' },
        { id: 'details', title: 'More details' },
        { id: 'person', title: 'Talk to a person' },
      ],
      timeoutMinutes: 60,
    },
    {
      id: id('ask'),
      kind: 'question',
      prompt: 'How many items did you order?',
      answerType: 'number',
      saveAs: variable,
    },
    { id: id('check'), kind: 'condition', rules: [{ id: 'many', variable, operator: 'greater_than', value: '10' }] },
    { id: id('big'), kind: 'text', text: `A large order of {{${variable}}} items ships in two parts.` },
    { id: id('small'), kind: 'text', text: `Your {{${variable}}} items ship together.` },
    {
      id: id('info'),
      kind: 'media',
      mediaType: 'image',
      media: { link: `https://shop.example.com/images/step-${i}.jpg` },
      caption: 'How our delivery works',
    },
    {
      id: id('list'),
      kind: 'list',
      body: 'Which topic is it about?',
      buttonText: 'Topics',
      sections: [
        {
          title: 'Orders',
          rows: [
            { id: 'status', title: 'Order status' },
            { id: 'change', title: 'Change an order', description: 'Address, size or colour' },
          ],
        },
        {
          title: 'After delivery',
          rows: [
            { id: 'return', title: 'Return an item' },
            { id: 'damaged', title: 'Damaged parcel' },
          ],
        },
      ],
    },
    { id: id('set'), kind: 'set_variables', assignments: [{ variable: 'first_name', value: '{{contact_name}}' }] },
    { id: id('delay'), kind: 'delay', amount: 1, unit: 'hours' },
    {
      id: id('cta'),
      kind: 'cta_url',
      body: 'You can also manage your orders online.',
      displayText: 'My orders',
      url: 'https://shop.example.com/orders',
    },
  );
  link(id('menu'), 'button:continue', id('ask'));
  link(id('menu'), 'button:details', id('info'));
  link(id('menu'), 'button:person', 'human');
  link(id('ask'), 'answered', id('check'));
  link(id('ask'), 'invalid', 'human');
  link(id('check'), 'rule:many', id('big'));
  link(id('check'), 'else', id('small'));
  link(id('big'), 'next', id('list'));
  link(id('small'), 'next', id('list'));
  link(id('info'), 'next', id('list'));
  for (const row of ['status', 'change', 'return', 'damaged']) link(id('list'), `row:${row}`, id('set'));
  link(id('list'), 'no_match', 'human');
  link(id('set'), 'next', id('delay'));
  link(id('delay'), 'next', id('cta'));
  link(id('cta'), 'next', next);
}
