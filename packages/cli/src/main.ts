/**
 * `pnpm parley <command>`: the command line of Parley. Each command is a module
 * with a `Command` ({ run(args, io), summary }) registered below; `main` only
 * dispatches, so commands are tested by running this file as a user would.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command, CommandIo } from './command-io.ts';
import { chatCommand } from './commands/chat.ts';
import { testCommand } from './commands/test.ts';
import { validateCommand } from './commands/validate.ts';

export const commands: Record<string, Command> = {
  validate: validateCommand,
  test: testCommand,
  chat: chatCommand,
};

export async function main(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (command === undefined) {
    io.stderr.write(`parley: unknown command "${name}".\n\n${usage()}`);
    return 2;
  }
  return command.run(args, io);
}

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const lines = Object.entries(commands).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`);
  return `Usage: parley <command> [arguments]\n\nCommands:\n${lines.join('\n')}\n\nRun "parley <command> --help" for a command's options.\n`;
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  // `pnpm parley` runs from the workspace root; INIT_CWD is where the user typed it.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const io: CommandIo = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // A thrown error is a bug in Parley, not a problem with the user's files.
      io.stderr.write(
        `parley: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 70;
    },
  );
}
