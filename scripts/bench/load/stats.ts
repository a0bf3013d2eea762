// What each bot process measured, and how the orchestrator adds them up.
import { percentile, round } from "../report.ts";

/** One bot process's counts over a measurement window (sent to the orchestrator over IPC). */
export interface BotStats {
  bots: number;
  /** Milliseconds from sending an action to the server's answer (`acted`, or the echo). */
  answered: number[];
  /** Milliseconds from sending an action to the first state patch that shows it. */
  shown: number[];
  sent: number;
  /** D3: actions the engine refused (a packet gone meanwhile); normal play, not errors. */
  rejected: number;
  /** Seconds a bot had nothing to act on (an empty inbox). */
  idle: number;
  bytesDown: number;
  bytesUp: number;
  /** WebSocket messages received: each one a frame the server wrote. */
  framesDown: number;
  /** Connections that closed or dropped without the bot asking. */
  disconnects: number;
  /** Typed `error` answers and SDK errors. */
  errors: number;
  errorCodes: Record<string, number>;
}

export function emptyStats(bots: number): BotStats {
  return {
    bots,
    answered: [],
    shown: [],
    sent: 0,
    rejected: 0,
    idle: 0,
    bytesDown: 0,
    bytesUp: 0,
    framesDown: 0,
    disconnects: 0,
    errors: 0,
    errorCodes: {},
  };
}

export function mergeStats(all: readonly BotStats[]): BotStats {
  const total = emptyStats(0);
  for (const stats of all) {
    total.bots += stats.bots;
    // Pushed one by one: spreading 100,000 numbers as arguments overflows the stack.
    for (const ms of stats.answered) total.answered.push(ms);
    for (const ms of stats.shown) total.shown.push(ms);
    for (const key of ["sent", "rejected", "idle", "bytesDown", "bytesUp", "framesDown"] as const) {
      total[key] += stats[key];
    }
    total.disconnects += stats.disconnects;
    total.errors += stats.errors;
    for (const [code, count] of Object.entries(stats.errorCodes)) {
      total.errorCodes[code] = (total.errorCodes[code] ?? 0) + count;
    }
  }
  return total;
}

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  samples: number;
}

export function percentiles(samples: readonly number[]): Percentiles {
  if (samples.length === 0)
    return { p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, samples: 0 };
  return {
    p50: round(percentile(samples, 0.5), 2),
    p95: round(percentile(samples, 0.95), 2),
    p99: round(percentile(samples, 0.99), 2),
    samples: samples.length,
  };
}
