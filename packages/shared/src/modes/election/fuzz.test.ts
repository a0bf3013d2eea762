import { describe, expect, it } from "vitest";
import type { Input, InputRejection } from "../../engine/round.ts";
import { decodeReplay, encodeReplay } from "../../replay/codec.ts";
import { finishRecording, recordTick, startRecording } from "../../replay/log.ts";
import { verify } from "../../replay/replayer.ts";
import { chance, nextInt, nextIntBetween, pick, type RngState, seedRng } from "../../rng.ts";
import type { ElectionRound } from "./actions.ts";
import { checkSafety } from "./audit.ts";
import { ELECTION_BOTS } from "./bot.ts";
import { ASSIST_LEVELS, type Enforcement } from "./config.ts";
import type { ElectionDebrief } from "./debrief.ts";
import { election } from "./index.ts";
import { randomActs } from "./randomActs.ts";
import { type ElectionRoundEvent, seatsOf } from "./testing.ts";

/**
 * E7 seeded fuzz: random rounds (cluster sizes, latencies, loss, timeouts, assist levels, seats
 * of every bot kind and students), thousands of ticks of random valid and invalid actions and
 * faults under strict enforcement. The safety checker must never fire, and Raft's own
 * invariants must hold after every tick. On failure the seed, the round and the last inputs are
 * printed; a failing seed becomes a pinned test.
 */

const TICKS = 2500;
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

function randomRound(rng: RngState, enforcement: Enforcement) {
  const low = nextIntBetween(rng, 1, 4);
  const shortest = nextIntBetween(rng, 15, 40);
  const config = {
    clusterSize: chance(rng, 0.2) ? null : nextIntBetween(rng, 3, 7),
    latency: [low, low + nextInt(rng, 5)],
    jitter: pick(rng, [0, 0, 1, 3]),
    loss: pick(rng, [0, 0, 0.05, 0.2]),
    capacity: nextIntBetween(rng, 1, 3),
    inboxLimit: nextIntBetween(rng, 2, 16),
    electionTimeout: [shortest, shortest + nextInt(rng, 40)],
    heartbeatInterval: nextIntBetween(rng, 3, 12),
    assist: pick(rng, ASSIST_LEVELS),
    enforcement,
    botThinkTicks: nextIntBetween(rng, 1, 5),
  };
  const size = nextIntBetween(rng, 1, 16);
  const bots = Array.from({ length: size }, () => pick(rng, [null, null, ...ELECTION_BOTS]));
  return { config, seats: seatsOf(size, bots) };
}

/** Everything that must hold after every tick; each broken invariant is one line. */
function brokenInvariants(
  round: ElectionRound,
  before: { terms: number[]; committed: number[] },
  inputs: readonly Input[],
  rejections: readonly InputRejection[],
): string[] {
  const broken: string[] = [];
  const { game, net } = round;
  // Under permissive enforcement the class may break Raft: only the engine's own rules must hold.
  const strict = round.config.enforcement === "strict";
  if (strict) {
    for (const violation of game.safety.violations) broken.push(`E7: ${JSON.stringify(violation)}`);
  }
  game.nodes.forEach((raft, node) => {
    const cluster = game.clusters[game.clusterOf[node]!]!;
    if (raft.term < before.terms[node]!) broken.push(`E1: node ${node}'s term went back`);
    if (strict && raft.commitIndex > raft.log.length)
      broken.push(`E6: node ${node} commits past its log`);
    raft.log.forEach((entry, at) => {
      const previous = raft.log[at - 1]?.term ?? 0;
      if (strict && (entry.term < previous || entry.term > raft.term))
        broken.push(`E6: node ${node}'s log has term ${entry.term} at ${at + 1}`);
    });
    if (raft.votedFor !== null && !cluster.members.includes(raft.votedFor))
      broken.push(`E3: node ${node} voted outside its cluster`);
    if (raft.role === "candidate") {
      const votes = new Set(raft.votes);
      if (!votes.has(node) || votes.size !== raft.votes.length)
        broken.push(`E5: candidate ${node} has votes ${raft.votes}`);
      if (raft.votes.some((voter) => !cluster.members.includes(voter)))
        broken.push(`E5: candidate ${node} counts a vote from outside`);
    }
    if (raft.role === "leader") {
      if (raft.peers.length !== cluster.members.length - 1)
        broken.push(`E6: leader ${node} tracks ${raft.peers.length} peers`);
      for (const peer of raft.peers) {
        if (
          peer.matchIndex > raft.log.length ||
          peer.nextIndex < 1 ||
          peer.nextIndex > raft.log.length + 1
        )
          broken.push(`E6: leader ${node}'s progress ${JSON.stringify(peer)}`);
      }
    }
    if (!net.nodeUp[node] && (raft.role !== "follower" || net.inbox[node]!.length > 0))
      broken.push(`N4: crashed node ${node} is ${raft.role} with ${net.inbox[node]!.length} cards`);
    for (const message of net.inbox[node]!) {
      if (message.payload.kind !== "request-vote" && message.payload.kind !== "append")
        broken.push(`E8: node ${node} holds a ${message.payload.kind} as a card`);
    }
    if (net.inbox[node]!.length > net.inboxLimit) broken.push(`N3: inbox ${node} overflows`);
  });
  game.safety.committed.forEach((entries, cluster) => {
    // The checker's record of what was committed only grows, whatever the enforcement.
    if (entries.length < before.committed[cluster]!)
      broken.push(`E7: cluster ${cluster} uncommitted`);
  });
  // D4: a node's view shows its own cards, each with the engine's verdict.
  const node = round.tick % round.seats.length;
  const cards = election.view(round, node).cards.map((card) => card.card);
  if (JSON.stringify(cards) !== JSON.stringify(net.inbox[node]!.map((message) => message.id)))
    broken.push(`D4: view of ${node} shows cards ${JSON.stringify(cards)}`);
  // D3: every rejection names a rule and a message key, for an input of this tick.
  const seqs = new Set(inputs.map((input) => input.seq));
  for (const { seq, rejection } of rejections) {
    if (!seqs.has(seq) || !/^[A-Z]\d+$/.test(rejection.rule) || !rejection.code.includes("."))
      broken.push(`D3: rejection ${JSON.stringify(rejection)}`);
  }
  return broken;
}

function fuzz(seed: number, ticks: number, enforcement: Enforcement = "strict") {
  const rng = seedRng(seed);
  const { config, seats } = randomRound(rng, enforcement);
  const recording = startRecording(election as never, config, seats, seed);
  const round = recording.round as ElectionRound;
  const recent: Input[][] = [];
  const seen = { elected: 0, committed: 0, codes: new Set<string>() };
  let seq = 1;
  for (let i = 0; i < ticks; i++) {
    const acts = randomActs(round, rng, nextInt(rng, 4), enforcement);
    const inputs = acts.map((act): Input => ({ t: round.tick + 1, seq: seq++, ...act }));
    recent.push(inputs);
    if (recent.length > 5) recent.shift();
    const before = {
      terms: round.game.nodes.map((raft) => raft.term),
      committed: round.game.safety.committed.map((entries) => entries.length),
    };
    let broken: string[];
    try {
      const rejections = recordTick(recording, inputs, (event) => {
        const type = (event as ElectionRoundEvent).type;
        if (type === "elected") seen.elected++;
        if (type === "committed") seen.committed++;
      });
      for (const { rejection } of rejections) seen.codes.add(`${rejection.rule} ${rejection.code}`);
      broken = brokenInvariants(round, before, inputs, rejections);
    } catch (error) {
      broken = [`step threw: ${(error as Error).stack ?? String(error)}`];
    }
    if (broken.length > 0) {
      const failure = [
        `seed ${seed}, tick ${round.tick}, config ${JSON.stringify(config)}, seats ${JSON.stringify(seats.map((s) => s.bot))}`,
        ...broken,
        `inputs of the last ticks: ${JSON.stringify(recent)}`,
      ].join("\n");
      return { failure, log: null, seen };
    }
  }
  return { failure: null, log: finishRecording(recording), seen };
}

describe("E7 seeded fuzz under strict enforcement", () => {
  it.each(SEEDS)(
    "E7: seed %i — the safety checker never fires, Raft's invariants hold every tick, and the log replays",
    (seed) => {
      const { failure, log } = fuzz(seed, TICKS);
      expect(failure).toBeNull();
      const decoded = decodeReplay(encodeReplay(log!));
      expect(decoded.ok).toBe(true);
      if (!decoded.ok) return;
      expect(verify(decoded.value)).toMatchObject({ ok: true });
      // The checker run over the log on its own agrees.
      expect(checkSafety(decoded.value)).toEqual({ ok: true, value: [] });
    },
  );

  it("E7: the fuzz explores — elections, commits and the rules' rejections all occur", () => {
    const codes = new Set<string>();
    let elected = 0;
    let committed = 0;
    for (const seed of SEEDS) {
      const { seen } = fuzz(seed, 1200);
      elected += seen.elected;
      committed += seen.committed;
      for (const code of seen.codes) codes.add(code);
    }
    expect(elected).toBeGreaterThan(50);
    expect(committed).toBeGreaterThan(50);
    for (const expected of [
      "E2 election.timer-running",
      "E2 election.already-leader",
      "E3 election.no-such-card",
      "E3 election.already-voted",
      "E3 election.voted-for-self",
      "E6 election.not-leader",
      "E6 election.no-leader",
      "E8 election.crash-in-watch",
      "N4 node.down",
      "P6 input.malformed",
    ]) {
      expect(codes, expected).toContain(expected);
    }
  });

  it("E7: the same fuzz under permissive enforcement breaks safety, and the checker says where", () => {
    const found = SEEDS.flatMap((seed) => {
      const { failure, log } = fuzz(seed, 1500, "permissive");
      expect(failure).toBeNull();
      const audit = checkSafety(log!);
      if (!audit.ok) throw new Error(audit.problem.code);
      const summary = log!.summary?.class as ElectionDebrief;
      // The mode's own checker and the one run over the log find the same violations.
      expect(audit.value).toEqual(summary.violations);
      return audit.value;
    });
    expect(new Set(found.map((violation) => violation.property))).toEqual(
      new Set(["election-safety", "log-matching", "leader-completeness", "committed-lost"]),
    );
  });
});
