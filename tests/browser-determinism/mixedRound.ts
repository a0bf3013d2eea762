// D1 fixture: a short routing round with every kind of input the engine takes — players' actions
// (good and refused), bots of each kind, the teacher's faults, settings and seat changes.
import {
  finishRecording,
  type Input,
  modeById,
  nextInt,
  type ReplayLog,
  type RoutingAction,
  type RoutingView,
  recordTick,
  seedRng,
  startRecording,
  stateHash,
} from "@quorum/shared";

export const MIXED_TICKS = 400;

/** Jitter, loss and retransmits make the round draw on its PRNG at every step. */
const CONFIG = {
  preset: "small-world",
  variant: "reliable",
  latency: [2, 8],
  jitter: 3,
  loss: 0.05,
  trafficRate: 4,
  retransmitTimeout: 40,
  botThinkTicks: 3,
};

const ROSTER = [
  ...["Ada", "Grace", "Edsger", "Barbara", "Leslie", "Radia"].map((name) => ({ name, bot: null })),
  ...["shortest-path", "shortest-path", "random", "random", "flooding", "flooding"].map(
    (bot, i) => ({ name: `bot ${i + 1}`, bot }),
  ),
];
const HUMANS = 6;

/** The teacher's lesson, by tick; the last two are refused (no node 99; not an action). */
const HOST_INPUTS: [number, unknown][] = [
  [20, { type: "burst", count: 15 }],
  [40, { type: "set-loss", link: null, loss: 0.2 }],
  [60, { type: "crash", node: 3 }],
  [80, { type: "cut", link: 2 }],
  [100, { type: "set-latency", link: 1, latency: 20, jitter: 5 }],
  [120, { type: "partition", groups: [[0, 1, 2, 3, 4, 5]] }],
  [150, { type: "heal-all" }],
  [170, { type: "configure", variant: "flood" }],
  [200, { type: "seat", node: 0, name: "Ada's bot", bot: "random" }],
  [220, { type: "crash", node: 7 }],
  [250, { type: "restart", node: 7 }],
  [260, { type: "configure", variant: "unicast", hints: true, ttl: 6 }],
  [300, { type: "set-loss", link: null, loss: 0 }],
  [310, { type: "crash", node: 99 }],
  [320, { type: "reboot-everything" }],
];

/** What a student might press, from what the student's phone shows (D4). */
function studentAction(view: RoutingView, whims: ReturnType<typeof seedRng>): RoutingAction | null {
  const packet = view.inbox[0];
  const roll = nextInt(whims, 10);
  const overdue = view.unacked[0];
  if (roll === 0 && overdue) return { type: "retransmit", seq: overdue.seq };
  // A stale tap on a packet that is gone (R5): refused, and logged like any other input.
  if (!packet) return roll === 1 ? { type: "drop", packet: 1 } : null;
  if (roll <= 6 && view.neighbours.length > 0) {
    const next = view.neighbours[nextInt(whims, view.neighbours.length)]!;
    return { type: "forward", packet: packet.entry, to: next.node };
  }
  return roll <= 8
    ? { type: "flood", packet: packet.entry }
    : { type: "drop", packet: packet.entry };
}

export interface MixedRound {
  log: ReplayLog;
  /** stateHash of the round the recorder played, after its last tick. */
  finalHash: string;
  rejected: number;
}

export function recordMixedRound(seed = 1958): MixedRound {
  const mode = modeById("routing")!;
  const recording = startRecording(mode, CONFIG, ROSTER, seed);
  const whims = seedRng(seed + 1); // the students' choices, never the round's own PRNG (D1)
  const host = new Map(HOST_INPUTS);
  let seq = 0;
  let rejected = 0;
  for (let t = 1; t <= MIXED_TICKS; t++) {
    const inputs: Input[] = [];
    for (let node = 0; node < HUMANS; node++) {
      if (nextInt(whims, 3) !== 0) continue;
      const view = mode.view(recording.round, node) as RoutingView;
      const action = studentAction(view, whims);
      if (action) inputs.push({ t, seq: seq++, actor: node, action });
    }
    if (host.has(t)) inputs.push({ t, seq: seq++, actor: "host", action: host.get(t) });
    rejected += recordTick(recording, inputs).length;
  }
  const log = finishRecording(recording);
  return { log, finalHash: stateHash(recording.round), rejected };
}
