import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Effect, type OutboundPayload, parseFlowTestFile, runFlowTest } from '@parley/flow-engine';
import { loadFlow } from '@parley/flow-schema';
import { validateOutboundMessage } from '@parley/whatsapp';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { at, buildFlow, Conversation, say, sends } from './harness.ts';
import { play, runArb } from './random-conversations.ts';

// The engine builds every Cloud API body itself; the runtime only adds the
// addressing and validates before sending. A body Meta would refuse is lost at
// send time, far from the flow that made it, so these tests judge every body
// the engine produces the way the runtime (and Meta) will.

const examples = fileURLToPath(new URL('../../examples/', import.meta.url));

/** What Meta would answer for a payload as the runtime sends it: nothing when it would take it. */
function refusal(payload: OutboundPayload): string | undefined {
  const body = { messaging_product: 'whatsapp', recipient_type: 'individual', to: '15551234567', ...payload };
  const checked = validateOutboundMessage(body);
  if (checked.ok) return undefined;
  return `${checked.error.code}: ${checked.error.error_data?.details ?? checked.error.message} in ${JSON.stringify(payload)}`;
}

/** Every body a list of effects would send: the message and the template that stands in for it. */
function bodies(effects: Effect[]): OutboundPayload[] {
  return effects.flatMap((e) => (e.type === 'send' ? [e.payload, ...(e.fallback ? [e.fallback.payload] : [])] : []));
}

function exampleRuns() {
  return readdirSync(examples)
    .filter((f) => f.endsWith('.test.json'))
    .flatMap((file) => {
      const parsed = parseFlowTestFile(JSON.parse(readFileSync(join(examples, file), 'utf8')));
      if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
      const loaded = loadFlow(JSON.parse(readFileSync(join(examples, parsed.file.flow), 'utf8')));
      if (!loaded.ok) throw new Error(loaded.error.message);
      const flow = loaded.flow;
      return parsed.file.tests.map((test) => [`${file}: ${test.name}`, runFlowTest(flow, test).effects] as const);
    });
}

describe.each(exampleRuns())('%s', (_name, effects) => {
  it('sends something, so the checks below see real messages', () => {
    expect(effects.length).toBeGreaterThan(0);
  });

  it('produces only effects the Effect schema accepts, as the runtime parses them back from storage', () => {
    const stored: unknown[] = JSON.parse(JSON.stringify(effects));
    const refused = stored.flatMap((e) => {
      const parsed = Effect.safeParse(e);
      return parsed.success ? [] : [`${JSON.stringify(e)}: ${parsed.error.message}`];
    });
    expect(refused).toEqual([]);
  });

  it('sends only bodies Meta would accept, fallbacks included', () => {
    expect(bodies(effects).flatMap((p) => refusal(p) ?? [])).toEqual([]);
  });
});

describe('the engine on random flows and inputs', () => {
  it('produces valid effects and only bodies Meta would accept', () => {
    fc.assert(
      fc.property(runArb, ([flow, opening, inputs]) => {
        for (const { effects } of play(flow, opening, inputs)) {
          for (const effect of effects) expect(Effect.safeParse(effect).error).toBeUndefined();
          expect(bodies(effects).flatMap((p) => refusal(p) ?? [])).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('customer text passed on into a template', () => {
  const flow = buildFlow(
    [
      { id: 'ask', kind: 'question', prompt: 'Your name?', answerType: 'text', saveAs: 'name' },
      {
        id: 'offer',
        kind: 'template',
        template: {
          name: 'offer',
          language: 'en',
          category: 'marketing',
          headerParameters: [{ value: '{{name}}', fallback: 'you' }],
          bodyParameters: [{ value: '{{name}}', fallback: 'there' }, { value: 'You said: {{last_message}}' }],
        },
      },
    ],
    [['ask', 'answered', 'offer']],
  );

  it.each([
    ['a line break', 'Ana\nMaria', 'Ana Maria'],
    ['a Windows line break', 'Ana\r\nMaria', 'Ana Maria'],
    ['a tab', 'Ana\tMaria', 'Ana Maria'],
    ['a run of spaces', 'Ana      Maria', 'Ana Maria'],
    ['spaces around it', '  Ana  ', 'Ana'],
  ])('is sent with %s made into a single space', (_what, typed, sent) => {
    const chat = new Conversation(flow);
    chat.start();
    const [send] = sends(chat.send(say(typed)));
    expect(send && refusal(send.payload)).toBeUndefined();
    expect(at(send?.payload, 'template', 'components', 1, 'parameters', 0, 'text')).toBe(sent);
    expect(at(send?.payload, 'template', 'components', 1, 'parameters', 1, 'text')).toBe(`You said: ${sent}`);
  });

  it('falls back when nothing but whitespace is left of a value', () => {
    const byEvent = buildFlow(
      [
        {
          id: 'offer',
          kind: 'template',
          template: {
            name: 'offer',
            language: 'en',
            category: 'marketing',
            bodyParameters: [{ value: '{{event.name}}', fallback: 'there' }],
          },
        },
      ],
      [],
      { triggers: [{ id: 'ev', kind: 'event', event: 'ping', start: 'offer' }] },
    );
    const [send] = sends(new Conversation(byEvent).start({ type: 'event', name: 'ping', data: { name: '\n\t ' } }));
    expect(at(send?.payload, 'template', 'components', 0, 'parameters', 0, 'text')).toBe('there');
    expect(send && refusal(send.payload)).toBeUndefined();
  });
});

describe('a list whose section title is only a variable', () => {
  it('leaves the title out when the variable is empty, as Meta refuses an empty one', () => {
    const flow = buildFlow([
      {
        id: 'menu',
        kind: 'list',
        body: 'What would you like?',
        buttonText: 'Menu',
        sections: [{ title: '{{category}}', rows: [{ id: 'tea', title: 'Tea', description: '{{tea_note}}' }] }],
      },
    ]);
    const [send] = sends(new Conversation(flow).start());
    expect(at(send?.payload, 'interactive', 'action', 'sections', 0)).toEqual({ rows: [{ id: 'tea', title: 'Tea' }] });
    expect(send && refusal(send.payload)).toBeUndefined();
  });
});
