import { describe, expect, it } from "vitest";
import type { ElectionRound } from "./actions.ts";
import { election } from "./index.ts";
import {
  by,
  cards,
  commands,
  elect,
  electionRound,
  host,
  idle,
  play,
  roles,
  until,
} from "./testing.ts";

const vote = (round: ElectionRound, voter: number, candidate: number) =>
  by(voter, {
    type: "answer-vote",
    card: cards(round, voter, "request-vote").find((card) => card.from === candidate)!.id,
    grant: true,
  });

/**
 * Two candidates in term 1 of a five-node cluster; nodes 1 and 3 vote one each, node 2 grants
 * both (a double vote). Returns the rejections and events of the whole script.
 */
function doubleVote(enforcement: "strict" | "permissive") {
  const round = electionRound({ enforcement, electionTimeout: [10, 10] }, 5);
  idle(round, 10);
  play(round, by(0, { type: "start-election" }), by(4, { type: "start-election" }));
  idle(round, 1);
  const first = play(round, vote(round, 1, 0), vote(round, 3, 4), vote(round, 2, 0));
  const second = play(round, vote(round, 2, 4));
  const events = [...first.events, ...second.events];
  let lastElected = -1;
  for (let i = 0; i < 3; i++) {
    const tick = play(round).events;
    if (tick.some((event) => event.type === "elected")) lastElected = round.tick;
    events.push(...tick);
  }
  return { round, rejections: [...first.rejections, ...second.rejections], events, lastElected };
}

describe("E7 enforcement", () => {
  it("E7: strict — a double vote is refused and the cluster has one leader", () => {
    const { round, rejections } = doubleVote("strict");
    expect(rejections.map((r) => r.rejection)).toEqual([
      { rule: "E3", code: "election.already-voted", params: { node: 0, term: 1 } },
    ]);
    expect(roles(round)).toEqual(["leader", "follower", "follower", "follower", "candidate"]);
    expect(round.game.safety.violations).toEqual([]);
  });

  it("E7: permissive — a scripted double vote elects two leaders in one term, and the checker pinpoints it", () => {
    const { round, rejections, events, lastElected } = doubleVote("permissive");
    expect(rejections).toEqual([]);
    expect(round.game.nodes[2]!.votedFor).toBe(4);
    expect(roles(round)).toEqual(["leader", "follower", "follower", "follower", "leader"]);
    const violation = {
      property: "election-safety",
      tick: lastElected,
      cluster: 0,
      term: 1,
      nodes: [0, 4],
      index: null,
    };
    expect(round.game.safety.violations).toEqual([violation]);
    expect(events).toContainEqual({ type: "violation", ...violation });
    expect(election.hostView(round).violations).toEqual([violation]);
    expect(election.debrief(round).violations).toEqual([violation]);
  });

  it("E7: permissive — accepting AppendEntries that fail the consistency check breaks log matching", () => {
    const round = electionRound({ enforcement: "permissive", assist: "manual" }, 3);
    for (const raft of round.game.nodes) raft.term = 1;
    round.game.nodes[1]!.log = [{ term: 1, command: "w", id: 90 }];
    round.game.nodes[0]!.log = [{ term: 2, command: "x", id: 91 }];
    elect(round, 0, [2]);
    play(round, host({ type: "command", cluster: 0, command: "y" }));
    round.game.nodes[0]!.peers[0]!.nextIndex = 2;
    play(round, by(0, { type: "heartbeat", to: 1 }));
    idle(round, 1);
    const card = cards(round, 1, "append")[0]!;
    const shown = election.view(round, 1).cards.find((entry) => entry.kind === "append");
    expect(shown?.verdict?.code).toBe("election.log-mismatch");
    const { rejections, events } = play(
      round,
      by(1, { type: "answer-append", card: card.id, accept: true }),
    );
    expect(rejections).toEqual([]);
    expect(commands(round, 1)).toEqual(["w", "y"]);
    expect(events).toContainEqual({
      type: "violation",
      property: "log-matching",
      tick: round.tick,
      cluster: 0,
      term: 2,
      nodes: [0, 1],
      index: 2,
    });
  });

  it("E7: permissive — a follower that takes a stale leader's entries loses a committed one", () => {
    const round = electionRound({ enforcement: "permissive", assist: "manual" }, 3, {
      bots: [null, "raft", "raft"],
    });
    elect(round, 0, [1, 2]);
    play(round, host({ type: "command", cluster: 0, command: "a" }), by(0, { type: "heartbeat" }));
    until(round, () => round.game.nodes[0]!.commitIndex === 1, 30);
    // Node 0 is cut off; nodes 1 and 2 (bots) elect a leader of term 2 and commit "b".
    play(round, host({ type: "partition", groups: [[0]] }));
    until(round, () => roles(round).slice(1).includes("leader"));
    const leader = roles(round).indexOf("leader", 1);
    play(round, host({ type: "command", cluster: 0, command: "b", node: leader }));
    until(round, () => round.game.safety.committed[0]!.length === 2, 60);
    // Healed, the stale leader 0 takes "c" and sends it before it hears of term 2.
    play(round, host({ type: "heal-all" }), host({ type: "seat", node: 2, name: "n2", bot: null }));
    const other = 3 - leader;
    play(
      round,
      host({ type: "command", cluster: 0, command: "c", node: 0 }),
      by(0, { type: "heartbeat", to: other }),
    );
    until(round, () => cards(round, other, "append").some((card) => card.from === 0), 30);
    const card = cards(round, other, "append").find((entry) => entry.from === 0)!;
    expect(election.view(round, other).cards.find((c) => c.card === card.id)?.verdict?.code).toBe(
      "election.stale-leader",
    );
    const { rejections, events } = play(
      round,
      by(other, { type: "answer-append", card: card.id, accept: true }),
    );
    expect(rejections).toEqual([]);
    expect(events).toContainEqual(
      expect.objectContaining({ type: "violation", property: "committed-lost", index: 2, term: 2 }),
    );
  });

  it("E7: permissive — voting for a less up-to-date candidate elects a leader that lacks a committed entry", () => {
    const round = electionRound({ enforcement: "permissive" }, 3);
    elect(round, 0, [1, 2]);
    play(round, host({ type: "crash", node: 2 }));
    play(round, host({ type: "command", cluster: 0, command: "a" }), by(0, { type: "heartbeat" }));
    idle(round, 3);
    expect(round.game.nodes[0]!.commitIndex).toBe(1);
    play(round, host({ type: "crash", node: 0 }), host({ type: "restart", node: 2 }));
    elect(round, 2, [1]);
    expect(round.game.safety.violations).toEqual([
      {
        property: "leader-completeness",
        tick: round.tick,
        cluster: 0,
        term: 2,
        nodes: [2],
        index: 1,
      },
    ]);
  });

  it("E7: permissive waives only the safety rules: cards, roles, timers and stale votes still hold", () => {
    const round = electionRound({ enforcement: "permissive" }, 3);
    const codes = play(
      round,
      by(0, { type: "start-election" }),
      by(0, { type: "heartbeat" }),
      by(0, { type: "answer-vote", card: 99, grant: true }),
    ).rejections.map((r) => r.rejection.code);
    expect(codes).toEqual([
      "election.timer-running",
      "election.not-leader",
      "election.no-such-card",
    ]);
  });

  it("E7: the teacher switches enforcement mid-round", () => {
    const round = electionRound({}, 3);
    expect(round.config.enforcement).toBe("strict");
    play(round, host({ type: "configure", enforcement: "permissive" }));
    expect(round.config.enforcement).toBe("permissive");
    expect(election.view(round, 0).enforcement).toBe("permissive");
  });
});
