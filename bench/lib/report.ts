// Shared by benchmarks: each ends by printing one JSON line of figures and targets.
export interface BenchResult {
  bench: string;
  figures: Record<string, number | string>;
  targets: Record<string, string>;
  /** Whether each target was met, by target name. */
  met: Record<string, boolean>;
}

export function printResult(result: BenchResult): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
