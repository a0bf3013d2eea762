// How a benchmark speaks: one JSON object per line on stdout, everything else on stderr, so
// `pnpm bench > figures.jsonl` keeps only figures.
import { loadavg } from "node:os";

export interface Figure {
  bench: string;
  value: number;
  unit: string;
  /** The target, as text a reader can compare `value` with: ">= 1000", "< 100". */
  target: string;
  met: boolean;
  [extra: string]: unknown;
}

/**
 * Prints a figure with the machine's one-minute load average: on a shared 2-core machine a load
 * above 1 means other work competed for the core, and wall-clock figures are pessimistic.
 */
export function report(figure: Figure): void {
  const load1m = round(loadavg()[0]!, 2);
  process.stdout.write(`${JSON.stringify({ ...figure, load1m })}\n`);
}

export function note(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** What `work` returned and the milliseconds it took (scripts may read the clock; the engine may not). */
export function measure<T>(work: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = work();
  return { result, ms: performance.now() - start };
}

/** CPU milliseconds this thread has spent: unlike the wall clock, blind to other processes. */
export function threadCpuMs(): number {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1000;
}

/** The value at `share` (0–1) of the sorted samples, nearest rank. */
export function percentile(samples: readonly number[], share: number): number {
  const sorted = [...samples].sort((p, q) => p - q);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))]!;
}

export function round(value: number, digits = 1): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
