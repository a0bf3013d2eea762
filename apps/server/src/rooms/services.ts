import { COUNTDOWN_SECONDS, TICK_MS } from "@quorum/shared";
import type { Logger } from "pino";
import type { TokenService } from "../auth/tokens.ts";
import type { Store } from "../store/types.ts";
import type { RoundRecords } from "./recorder.ts";

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

/** What a classroom room is handed by the server (it opens nothing itself). */
export interface ClassroomServices {
  store: Store;
  tokens: TokenService;
  logger: Logger;
  /** Wall clock, ms since the epoch: token expiry, countdown deadline, removal times. */
  now: () => number;
  /** S2: where rounds are recorded while they run. */
  recordings: RoundRecords;
  timing: ClassroomTiming;
}
