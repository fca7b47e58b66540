/**
 * One measured figure of `pnpm bench`: several runs of the same measurement,
 * reported as min–median–max. `baseline` names another figure of the same run
 * that this one is compared to as a ratio, because these machines are shared
 * and noisy: absolute numbers drift, ratios carry over.
 */
export type BenchFigure = {
  name: string;
  unit: string;
  runs: number[];
  /** Plain words, e.g. "< 20 ms median". */
  goal?: string;
  /** Whether the goal is met by the median; absent when there is no checkable goal. */
  goalMet?: boolean;
  /** Name of the figure this one is compared with, and whether bigger is better. */
  baseline?: { name: string; higherIsBetter: boolean };
};

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? upper) + upper) / 2;
}

export function summarize(figure: BenchFigure): { min: number; median: number; max: number } {
  return { min: Math.min(...figure.runs), median: median(figure.runs), max: Math.max(...figure.runs) };
}

/** Times `fn` `iterations` times and returns each duration in milliseconds. */
export function timeRuns(iterations: number, fn: () => void): number[] {
  const runs: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    fn();
    runs.push(performance.now() - start);
  }
  return runs;
}
