// D1, D6: what a replay must reproduce exactly — the state hash at every checkpoint tick and at
// the end. Runs unchanged in Node and, bundled by Vite, in the browser.
import { advance, type Checkpoint, openReplay, type ReplayLog, stateHash } from "@quorum/shared";

export interface Fingerprint {
  endTick: number;
  finalHash: string;
  checkpoints: Checkpoint[];
}

/** Re-simulates `log` from tick 0, hashing the state at each of its checkpoint ticks. */
export function fingerprint(log: ReplayLog): Fingerprint {
  const opened = openReplay(log);
  if (!opened.ok) throw new Error(`cannot replay: ${JSON.stringify(opened.problem)}`);
  const replay = opened.value;
  const round = structuredClone(replay.snapshots.get(0)!);
  const checkpoints = log.checkpoints.map(({ t }) => {
    while (round.tick < t) advance(replay, round);
    return { t, hash: stateHash(round) };
  });
  while (round.tick < log.endTick) advance(replay, round);
  return { endTick: round.tick, finalHash: stateHash(round), checkpoints };
}
