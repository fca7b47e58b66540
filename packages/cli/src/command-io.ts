/** What a command may touch: the three standard streams and the directory it runs in. */
export type CommandIo = {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  stdin: NodeJS.ReadableStream;
  cwd: string;
};

/** A `parley` subcommand: parses its own arguments and returns the exit code. */
export type Command = { run(args: string[], io: CommandIo): Promise<number>; summary: string };
