import { type Flow, loadFlow, portsOf } from '@parley/flow-schema';
import type { Page } from 'playwright-core';

/**
 * The welcome example (examples/welcome.json) as a user builds it: one entry
 * per step, with what they type in the inspector. `fill` runs with the step
 * selected and its form open.
 */
type StepSpec = { kind: string; label: string; fill: (page: Page) => Promise<void> };

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const type = (page: Page, label: string, text: string) => field(page, label).fill(text);
const choose = (page: Page, label: string, option: string) => field(page, label).selectOption({ label: option });
const click = (page: Page, name: string) => page.getByRole('button', { name, exact: true }).click();

export const WELCOME_STEPS: StepSpec[] = [
  {
    kind: 'Reply buttons',
    label: 'Greeting',
    fill: async (page) => {
      await type(page, 'Message', 'Welcome to Acme Bikes! What would you like to do?');
      await type(page, 'Footer', 'Acme Bikes, Berlin');
      await type(page, 'Button 1 title', 'Find a bike');
      await click(page, 'Add button');
      await type(page, 'Button 2 title', 'Book a test ride');
      await click(page, 'Add button');
      await type(page, 'Button 3 title', 'Talk to a person');
      await type(page, 'Wait for a reply (minutes)', '60');
    },
  },
  {
    kind: 'Question',
    label: 'Ask first name',
    fill: async (page) => {
      await type(page, 'Question', "Great! What's your first name?");
      await type(page, 'Keep the answer as', 'first_name');
      await type(page, 'Ask again how many times', '1');
    },
  },
  {
    kind: 'Question',
    label: 'Ask budget',
    fill: async (page) => {
      await type(page, 'Question', 'Thanks {{first_name}}. What is your budget in euros? (just the number)');
      await choose(page, 'Expected answer', 'number');
      await type(page, 'Keep the answer as', 'budget');
      await type(page, 'When the answer is not valid', 'Please send your budget as a number, for example 800.');
    },
  },
  {
    kind: 'List menu',
    label: 'What is it for',
    fill: async (page) => {
      await type(page, 'Header', 'Your new bike');
      await type(page, 'Message', 'What will you mostly use it for?');
      await type(page, 'Section 1 title', 'Riding');
      await type(page, 'Option 1 title', 'Commuting');
      await type(page, 'Option 1 description', 'Daily rides to work or school');
      await click(page, 'Add option to section 1');
      await type(page, 'Option 2 title', 'Weekend trips');
      await type(page, 'Option 2 description', 'Longer rides for fun');
      await click(page, 'Add option to section 1');
      await type(page, 'Option 3 title', 'For my child');
      await type(page, 'Option 3 description', 'Bikes for ages 4 to 12');
    },
  },
  {
    kind: 'Condition',
    label: 'E-bike budget?',
    fill: async (page) => {
      await type(page, 'Rule 1 variable', 'budget');
      await choose(page, 'Rule 1 test', 'greater than');
      await type(page, 'Rule 1 value', '1500');
    },
  },
  ...(
    [
      [
        'Offer e-bikes',
        '{{first_name}}, with a budget of {{budget}} euros our e-bikes are a great fit.',
        'See e-bikes',
        'e-bikes',
      ],
      [
        'Offer city bikes',
        '{{first_name}}, these city bikes suit your budget of {{budget}} euros.',
        'See city bikes',
        'city',
      ],
      ['Offer kids bikes', 'Our kids bikes come in sizes for ages 4 to 12.', 'See kids bikes', 'kids'],
    ] as const
  ).map(([label, body, button, path]) => ({
    kind: 'Link button',
    label,
    fill: async (page: Page) => {
      await type(page, 'Message', body);
      await type(page, 'Button text', button);
      await type(page, 'Web address', `https://example.com/bikes/${path}`);
    },
  })),
  {
    kind: 'Text message',
    label: 'Test ride info',
    fill: (page) =>
      type(page, 'Message', 'Test rides are free. Drop by any day from 10:00 to 18:00 at Torstrasse 1, Berlin.'),
  },
  {
    kind: 'Hand over to a person',
    label: 'Sales team',
    fill: async (page) => {
      await type(
        page,
        'Message to the customer',
        "I'm passing you to our sales team. A person will reply here shortly.",
      );
      await type(page, 'Team', 'sales');
    },
  },
  {
    kind: 'End',
    label: 'Goodbye',
    fill: (page) =>
      type(page, 'Closing message', 'Thanks for chatting with Acme Bikes. Write any time if you have questions!'),
  },
];

/** Connections by step name and port label, as the "Connect … to" selects show them. */
export const WELCOME_CONNECTIONS: [from: string, port: string, to: string][] = [
  ['Greeting', 'Find a bike', 'Ask first name'],
  ['Greeting', 'Book a test ride', 'Test ride info'],
  ['Greeting', 'Talk to a person', 'Sales team'],
  ['Greeting', 'Anything else', 'Sales team'],
  ['Ask first name', 'Valid answer', 'Ask budget'],
  ['Ask first name', 'Still invalid after retries', 'Sales team'],
  ['Ask budget', 'Valid answer', 'What is it for'],
  ['Ask budget', 'Still invalid after retries', 'Sales team'],
  ['What is it for', 'Commuting', 'E-bike budget?'],
  ['What is it for', 'Weekend trips', 'E-bike budget?'],
  ['What is it for', 'For my child', 'Offer kids bikes'],
  ['What is it for', 'Anything else', 'Sales team'],
  ['E-bike budget?', 'budget greater_than 1500', 'Offer e-bikes'],
  ['E-bike budget?', 'Otherwise', 'Offer city bikes'],
  ['Offer e-bikes', 'Next', 'Goodbye'],
  ['Offer city bikes', 'Next', 'Goodbye'],
  ['Offer kids bikes', 'Next', 'Goodbye'],
  ['Test ride info', 'Next', 'Goodbye'],
];

/** Drops what differs between two honest builds of the same flow: ids and positions. */
function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'id' && key !== 'position')
      .map(([key, inner]) => [key, withoutIds(inner)]),
  );
}

/**
 * A flow document reduced to what the user decided: steps by name with their
 * content, connections by step name and port label, triggers by start step.
 */
export function meaningOf(document: unknown) {
  const loaded = loadFlow(document);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const flow: Flow = loaded.flow;
  const nameOf = (id: string) => flow.nodes.find((n) => n.id === id)?.label ?? `?${id}`;
  return {
    name: flow.name,
    description: flow.description,
    scope: flow.scope,
    botLabel: flow.botLabel,
    variables: flow.variables,
    settings: flow.settings,
    triggers: flow.triggers.map((t) => ({
      kind: t.kind,
      start: nameOf(t.start),
      rest: withoutIds({ ...t, start: '' }),
    })),
    steps: [...flow.nodes].sort((a, b) => nameOf(a.id).localeCompare(nameOf(b.id))).map(withoutIds),
    connections: flow.edges
      .map((e) => {
        const from = flow.nodes.find((n) => n.id === e.from.node);
        const port = from ? portsOf(from).find((p) => p.id === e.from.port)?.label : undefined;
        return `${nameOf(e.from.node)} / ${port ?? e.from.port} → ${nameOf(e.to.node)}`;
      })
      .sort(),
  };
}
