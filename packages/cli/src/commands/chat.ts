import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { type Effect, findChoice, offeredChoices, parseDuration, Simulator, tapMessage } from '@parley/flow-engine';
import type { Command, CommandIo } from '../command-io.ts';
import { describeEffect } from '../describe-effect.ts';
import { loadFlowFile } from '../load-flow-file.ts';

const summary = 'chat with a flow in the terminal, on a simulated clock';

const HELP = `Type a message as the customer. A number taps that option of the last menu.
  /clock +25h              move the clock (timers fire, the window may close)
  /event name {"json"}     post a business event
  /http 200 {"json"}       answer the pending HTTP request
  /ai <answer> | /ai out_of_scope | /ai error
  /location 52.52,13.40    share a location
  /release                 the agent hands the conversation back
  /vars                    show the conversation's variables
  /quit                    leave
`;

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Runs one chat line; returns what it caused, or a note for the user. */
function handleLine(sim: Simulator, line: string): Effect[] | string {
  const [command = '', ...restWords] = line.split(/\s+/);
  const rest = line.slice(command.length).trim();
  switch (command) {
    case '/help':
      return HELP;
    case '/vars':
      return JSON.stringify(sim.session?.variables ?? {}, null, 2);
    case '/clock': {
      const ms = parseDuration(rest);
      if (ms === undefined) return 'Usage: /clock +25h (or +30m, +2d)';
      const effects = sim.advance(ms);
      return [
        ...effects,
        { type: 'notice', code: 'clock', nodeId: null, message: `it is now ${new Date(sim.now).toISOString()}` },
      ];
    }
    case '/event': {
      const data = parseJson(restWords.slice(1).join(' '));
      if (restWords[0] === undefined || !data.ok || !isRecord(data.value))
        return 'Usage: /event order_shipped {"order_id": "1001"}';
      return sim.event(restWords[0], data.value);
    }
    case '/http': {
      const status = Number(restWords[0]);
      const body = parseJson(restWords.slice(1).join(' '));
      if (!Number.isInteger(status) || !body.ok) return 'Usage: /http 200 {"status": "shipped"}';
      if (sim.pendingHttp === null) return 'The bot is not waiting for an HTTP response.';
      const { requestId } = sim.pendingHttp;
      sim.pendingHttp = null;
      return sim.input({ type: 'http_result', requestId, ok: status >= 200 && status < 300, status, body: body.value });
    }
    case '/ai': {
      if (sim.pendingAi === null) return 'The bot is not waiting for an AI answer.';
      const { requestId } = sim.pendingAi;
      sim.pendingAi = null;
      if (rest === 'error') return sim.input({ type: 'ai_result', requestId, ok: false, inScope: true });
      if (rest === 'out_of_scope') return sim.input({ type: 'ai_result', requestId, ok: true, inScope: false });
      return sim.input({ type: 'ai_result', requestId, ok: true, inScope: true, answer: rest });
    }
    case '/location': {
      const [latitude, longitude] = rest.split(',').map((part) => Number(part.trim()));
      if (latitude === undefined || longitude === undefined || Number.isNaN(latitude) || Number.isNaN(longitude)) {
        return 'Usage: /location 52.52,13.40';
      }
      return sim.receive({ kind: 'location', id: sim.messageId(), latitude, longitude });
    }
    case '/release':
      return sim.input({ type: 'handoff_released' });
    default:
      if (command.startsWith('/')) return `Unknown command ${command}. Type /help.`;
      return sim.receive(customerMessage(sim, line));
  }
}

/** A number picks from the last menu, like tapping it; anything else is typed text. */
function customerMessage(sim: Simulator, line: string) {
  const last = sim.lastMessage();
  const choices = last === undefined ? [] : offeredChoices(last.payload, sim.flow);
  const number = /^\d{1,2}$/.test(line) ? Number(line) : 0;
  const choice = choices[number - 1];
  if (choice !== undefined) return tapMessage(choice, sim.messageId());
  const byTitle = findChoice(choices, line);
  if (byTitle !== undefined) return tapMessage(byTitle, sim.messageId());
  return { kind: 'text' as const, id: sim.messageId(), text: line };
}

/** `parley chat <flow.json>`: the customer's side of a conversation, line by line from standard input. */
async function run(args: string[], io: CommandIo): Promise<number> {
  const path = args.find((arg) => !arg.startsWith('-'));
  if (path === undefined || args.includes('--help')) {
    io.stdout.write(`Usage: parley chat <flow.json>\n\n${HELP}`);
    return path === undefined && !args.includes('--help') ? 2 : 0;
  }
  const loaded = await loadFlowFile(resolve(io.cwd, path));
  if (!loaded.ok) {
    io.stderr.write(`parley chat: ${loaded.error}\n`);
    return 2;
  }
  const flow = loaded.flow;
  const sim = new Simulator(flow);
  io.stdout.write(`Chatting with "${flow.name}" (${flow.id}). Type /help for commands, /quit to leave.\n`);
  const lines = createInterface({ input: io.stdin, terminal: false });
  // A prompt helps a person typing; a script piping lines in does not want one.
  const prompt = Reflect.get(io.stdin, 'isTTY') === true ? '> ' : '';
  io.stdout.write(prompt);
  for await (const raw of lines) {
    const line = raw.trim();
    if (line === '') {
      io.stdout.write(prompt);
      continue;
    }
    if (line === '/quit' || line === '/exit') break;
    if (prompt === '') io.stdout.write(`you: ${line}\n`);
    const wasRunning = sim.running();
    const result = handleLine(sim, line);
    if (typeof result === 'string') {
      io.stdout.write(`${result.trimEnd()}\n${prompt}`);
      continue;
    }
    const output = result.flatMap((effect) => describeEffect(effect, flow, sim.now));
    if (output.length === 0) {
      const idle = !wasRunning && !sim.running() && !line.startsWith('/');
      output.push(idle ? '(no trigger of this flow starts on that message)' : '(no reply)');
    }
    io.stdout.write(`${output.join('\n')}\n${prompt}`);
  }
  lines.close();
  return 0;
}

export const chatCommand: Command = { summary, run };
