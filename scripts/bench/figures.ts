/**
 * The benchmark's figures: each is one JSON line (name, count, p50, p95, p99, unit), so a run can
 * be compared with another by a script, and checked against its target for the human summary.
 */

export interface Figure {
  readonly name: string;
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly unit: string;
}

/** A goal of the issue: the figure's p95 (or its one value) at most, or at least, this. */
export interface Target {
  readonly figure: string;
  readonly limit: number;
  readonly atLeast?: boolean;
}

/** The value at fraction `q` of the sorted samples (nearest rank). */
function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** The percentiles of `samples` (milliseconds unless said otherwise). */
export function figureOf(name: string, samples: readonly number[], unit = 'ms'): Figure {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    name,
    count: sorted.length,
    p50: round(quantile(sorted, 0.5)),
    p95: round(quantile(sorted, 0.95)),
    p99: round(quantile(sorted, 0.99)),
    unit,
  };
}

/** A figure that is one number (a rate, a ratio, a size): every percentile is that number. */
export function singleFigure(name: string, value: number, unit: string, count = 1): Figure {
  const v = round(value);
  return { name, count, p50: v, p95: v, p99: v, unit };
}

/** Milliseconds since `start` (a `performance.now()` reading). */
export function since(start: number): number {
  return performance.now() - start;
}

/** Times `work` once per input, one after another, and returns the milliseconds of each. */
export async function timeEach<T>(
  inputs: readonly T[],
  work: (input: T, index: number) => unknown,
): Promise<number[]> {
  const samples: number[] = [];
  for (const [index, input] of inputs.entries()) {
    const start = performance.now();
    await work(input, index);
    samples.push(since(start));
  }
  return samples;
}

/** "met" or how far off: the summary's verdict on one target. */
export function verdict(figure: Figure | undefined, target: Target): string {
  if (!figure) return `${target.figure}: not measured`;
  const value = figure.p95;
  const met = target.atLeast ? value >= target.limit : value <= target.limit;
  const goal = `${target.atLeast ? '≥' : '≤'} ${target.limit} ${figure.unit}`;
  const label = figure.count > 1 && figure.unit === 'ms' ? 'p95 ' : '';
  return `${met ? 'met   ' : 'MISSED'} ${target.figure}: ${label}${value} ${figure.unit} (goal ${goal})`;
}
