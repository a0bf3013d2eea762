// The round benchmarks b and c replay: ten minutes of a 30-student class, every student acting
// once a second, with the faults a teacher injects during a lesson.
import {
  finishRecording,
  type Input,
  modeById,
  nextInt,
  type ReplayLog,
  recordTick,
  seedRng,
  startRecording,
} from "@quorum/shared";

export const STUDENTS = 30;
/** Ten minutes at 10 Hz (D7). */
export const CLASS_TICKS = 6000;
const TICKS_PER_SECOND = 10;

/**
 * Hints on, so a student's choice (played here by the shortest-path bot on the student's own
 * view) is a sensible one. A packet a second per student keeps almost every inbox non-empty, so
 * almost every student acts every second: the largest log such a round can write.
 */
export const CLASS_CONFIG = { preset: "geometric", trafficRate: STUDENTS, hints: true } as const;

/** A lesson's worth of faults (N7), one a minute, keyed by tick. */
const LESSON: [number, object][] = [
  [600, { type: "burst", count: 20 }],
  [1200, { type: "cut", link: 3 }],
  [1800, { type: "heal-link", link: 3 }],
  [2400, { type: "set-loss", link: null, loss: 0.1 }],
  [3000, { type: "set-loss", link: null, loss: 0 }],
  [3600, { type: "crash", node: 5 }],
  [4200, { type: "restart", node: 5 }],
  [4800, { type: "partition", groups: [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]] }],
  [5400, { type: "heal-all" }],
];

export interface ClassRound {
  log: ReplayLog;
  /** Student actions logged, and how many of them the engine refused. */
  actions: number;
  rejected: number;
  /** Student-seconds in which the student had nothing to do (an empty inbox). */
  idle: number;
}

export function recordClassRound(seed = 2026): ClassRound {
  const mode = modeById("routing")!;
  const roster = Array.from({ length: STUDENTS }, (_, node) => ({
    name: `student ${node + 1}`,
    bot: null,
  }));
  const recording = startRecording(mode, CLASS_CONFIG, roster, seed);
  // The students' own whims: never the round's PRNG, which only the engine may advance (D1).
  const whims = seedRng(seed ^ 0x5eed);
  const faults = new Map(LESSON);
  let seq = 0;
  let actions = 0;
  let rejected = 0;
  let idle = 0;
  for (let t = 1; t <= CLASS_TICKS; t++) {
    const inputs: Input[] = [];
    const fault = faults.get(t);
    if (fault) inputs.push({ t, seq: seq++, actor: "host", action: fault });
    for (let node = 0; node < STUDENTS; node++) {
      // Each student acts once a second, students spread over the second.
      if ((node + t) % TICKS_PER_SECOND !== 0) continue;
      const view = mode.view(recording.round, node) as { up: boolean };
      if (!view.up) continue;
      const action = mode.bot(view, "shortest-path", whims);
      if (!action) {
        idle++;
        continue;
      }
      inputs.push({ t, seq: seq++, actor: node, action });
      actions++;
    }
    rejected += recordTick(recording, inputs).length;
  }
  return { log: finishRecording(recording), actions, rejected, idle };
}

/** Ticks to seek to: uniform over the round, from a fixed seed so runs compare. */
export function seekTargets(endTick: number, count: number, seed = 99): number[] {
  const rng = seedRng(seed);
  return Array.from({ length: count }, () => nextInt(rng, endTick + 1));
}
