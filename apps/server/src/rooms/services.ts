import { COUNTDOWN_SECONDS, type ReplayLog, TICK_MS } from "@quorum/shared";
import type { Logger } from "pino";
import type { TokenService } from "../auth/tokens.ts";
import type { Store } from "../store/types.ts";

/** How fast a classroom runs. Tests shorten both; a class uses the defaults. */
export interface ClassroomTiming {
  /** Ms per tick at speed 1. @default TICK_MS (100) */
  tickMs: number;
  /** Ms of countdown before a round runs (P5). @default COUNTDOWN_SECONDS × 1000 */
  countdownMs: number;
}

export const DEFAULT_TIMING: ClassroomTiming = {
  tickMs: TICK_MS,
  countdownMs: COUNTDOWN_SECONDS * 1000,
};

/**
 * The rounds each session has finished, in memory, oldest first. Persisting them is a later
 * issue (S2); until then this is where a finished log waits for it.
 */
export class RoundArchive {
  readonly #rounds = new Map<string, ReplayLog[]>();

  add(sessionId: string, log: ReplayLog): void {
    const rounds = this.#rounds.get(sessionId);
    if (rounds) rounds.push(log);
    else this.#rounds.set(sessionId, [log]);
  }

  rounds(sessionId: string): readonly ReplayLog[] {
    return this.#rounds.get(sessionId) ?? [];
  }
}

/** What a classroom room is handed by the server (it opens nothing itself). */
export interface ClassroomServices {
  store: Store;
  tokens: TokenService;
  logger: Logger;
  /** Wall clock, ms since the epoch: token expiry, countdown deadline, removal times. */
  now: () => number;
  archive: RoundArchive;
  timing: ClassroomTiming;
}
