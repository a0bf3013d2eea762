import type { ReplayLog } from "../../replay/log.ts";
import { advance, openReplay, type Result } from "../../replay/replayer.ts";
import type { ElectionRound } from "./actions.ts";
import { createSafetyWatch, inspectSafety, type Violation } from "./safety.ts";

/**
 * E7: the safety checker over a recorded election round — re-simulated tick by tick from the log,
 * checked after every tick with a watch of its own, so the answer does not rest on what the
 * recording engine stored. Not exported from the mode's index: the replayer imports the modes.
 */
export function checkSafety(log: ReplayLog): Result<Violation[]> {
  // A programming error, not a user's: the caller picks the checker by the log's mode.
  if (log.mode !== "election") throw new RangeError(`not an election round: ${log.mode}`);
  const opened = openReplay(log);
  if (!opened.ok) return opened;
  const replay = opened.value;
  const round = structuredClone(replay.snapshots.get(0)!) as ElectionRound;
  const watch = createSafetyWatch(round.game.clusters.length);
  while (round.tick < log.endTick) {
    advance(replay, round);
    inspectSafety(watch, round.game, round.tick);
  }
  return { ok: true, value: watch.violations };
}
