import { describe, expect, it } from "vitest";
import { election } from "./index.ts";
import {
  by,
  cards,
  elect,
  electionRound,
  expire,
  host,
  idle,
  play,
  roles,
  until,
} from "./testing.ts";

const command = (text: string) => host({ type: "command", cluster: 0, command: text });

describe("E8 assist levels", () => {
  it("E8: manual — every AppendEntries is a card the follower decides on", () => {
    const round = electionRound({ assist: "manual" }, 3);
    elect(round, 0, [1, 2]);
    play(round, command("x=1"), by(0, { type: "heartbeat" }));
    idle(round, 1);
    const card = cards(round, 1, "append")[0]!;
    expect(election.view(round, 1).cards).toEqual([
      expect.objectContaining({ kind: "append", card: card.id, from: 0, term: 1, verdict: null }),
    ]);
    expect(round.game.nodes[1]!.log).toEqual([]);
    play(round, by(1, { type: "answer-append", card: card.id, accept: true }));
    expect(round.game.nodes[1]!.log).toHaveLength(1);
    idle(round, 1);
    // The answers to the leader's own request are tallied by the engine.
    expect(round.game.nodes[0]!.peers[0]).toMatchObject({ node: 1, matchIndex: 1 });
    expect(round.game.nodes[0]!.commitIndex).toBe(1);
  });

  it("E8: assisted — the engine answers AppendEntries; RequestVotes stay decisions", () => {
    const round = electionRound({}, 3);
    elect(round, 0, [1, 2]);
    play(round, command("x=1"), by(0, { type: "heartbeat" }));
    idle(round, 2);
    expect(cards(round, 1, "append")).toEqual([]);
    expect(round.game.nodes.map((raft) => raft.log.length)).toEqual([1, 1, 1]);
    expect(round.game.nodes[0]!.commitIndex).toBe(1);
    expire(round, 1);
    play(round, by(1, { type: "start-election" }));
    idle(round, 1);
    expect(cards(round, 2, "request-vote")).toHaveLength(1);
  });

  it("E8: assisted — a stale RequestVote is refused by the engine; in manual it waits as a card", () => {
    for (const assist of ["assisted", "manual"] as const) {
      const round = electionRound({ assist }, 3);
      expire(round, 0);
      play(round, by(0, { type: "start-election" }));
      round.game.nodes[1]!.term = 4;
      idle(round, 1);
      expect(cards(round, 1, "request-vote").length, assist).toBe(assist === "manual" ? 1 : 0);
    }
  });

  it("E8: watch — bots play every node, students' ones included; the cluster elects and commits", () => {
    const round = electionRound({ assist: "watch", latency: [2, 4] }, 5, { bots: ["raft"] });
    const voters = new Set<number>();
    for (let i = 0; i < 400 && !roles(round).includes("leader"); i++) {
      for (const event of play(round).events) if (event.type === "voted") voters.add(event.node);
    }
    expect(roles(round)).toContain("leader");
    // Seats 1–4 are students': the bot answered their RequestVotes.
    expect([...voters].filter((node) => node > 0).length).toBeGreaterThan(0);
    until(round, () => round.game.nodes.every((raft) => raft.leader !== null));
    play(round, command("x=1"));
    until(round, () => round.game.nodes.every((raft) => raft.commitIndex === 1), 100);
  });

  it("E8: watch — a student crashes and restarts its own node; in other levels it may not", () => {
    const round = electionRound({ assist: "watch" }, 3);
    expect(play(round, by(1, { type: "restart" })).rejections[0]?.rejection).toEqual({
      rule: "E8",
      code: "election.already-up",
    });
    expect(play(round, by(1, { type: "crash" })).rejections).toEqual([]);
    expect(round.net.nodeUp[1]).toBe(false);
    expect(play(round, by(1, { type: "crash" })).rejections[0]?.rejection.code).toBe("node.down");
    expect(play(round, by(1, { type: "restart" })).rejections).toEqual([]);
    expect(round.net.nodeUp[1]).toBe(true);
    play(round, host({ type: "configure", assist: "assisted" }));
    expect(play(round, by(1, { type: "crash" })).rejections[0]?.rejection).toEqual({
      rule: "E8",
      code: "election.crash-in-watch",
    });
  });

  it("E8: switching from manual to assisted answers the AppendEntries cards left waiting", () => {
    const round = electionRound({ assist: "manual" }, 3);
    elect(round, 0, [1, 2]);
    play(round, command("x=1"), by(0, { type: "heartbeat" }));
    idle(round, 1);
    expect(cards(round, 2, "append")).toHaveLength(1);
    play(round, host({ type: "configure", assist: "assisted" }));
    expect(cards(round, 2, "append")).toEqual([]);
    expect(round.game.nodes[2]!.log).toHaveLength(1);
  });

  it("E8: bots answer AppendEntries cards in the manual level too", () => {
    const round = electionRound({ assist: "manual" }, 3, { bots: [null, "raft", "raft"] });
    elect(round, 0, [1, 2]);
    play(round, command("x=1"), by(0, { type: "heartbeat" }));
    until(round, () => round.game.nodes[0]!.commitIndex === 1, 30);
  });
});
