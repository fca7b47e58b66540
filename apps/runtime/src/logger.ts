/**
 * The log port. main.ts writes to the console; tests capture lines to check
 * that secrets never appear. Messages are plain sentences, no payload dumps.
 */
export type Logger = {
  info: (message: string) => void;
  warn: (message: string) => void;
  error: (message: string) => void;
};

export function createConsoleLogger(): Logger {
  const stamp = () => new Date().toISOString();
  return {
    info: (message) => console.log(`${stamp()} info  ${message}`),
    warn: (message) => console.warn(`${stamp()} warn  ${message}`),
    error: (message) => console.error(`${stamp()} error ${message}`),
  };
}

/** A logger that keeps every line, for tests and for the health page's recent alerts. */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => lines.push(`info ${message}`),
    warn: (message) => lines.push(`warn ${message}`),
    error: (message) => lines.push(`error ${message}`),
  };
}
