import { describe, expect, it } from "vitest";
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

const heartbeat = (node: number, to?: number) => by(node, { type: "heartbeat", to });
const command = (text: string, cluster = 0, node?: number) =>
  host({ type: "command", cluster, command: text, node });

describe("E6 heartbeats", () => {
  it("E6: only the leader sends AppendEntries, and only to its own peers", () => {
    const round = electionRound({ clusterSize: 3 }, 6);
    expect(play(round, heartbeat(0)).rejections[0]?.rejection).toEqual({
      rule: "E6",
      code: "election.not-leader",
    });
    elect(round, 0, [1]);
    expect(play(round, heartbeat(0, 5)).rejections[0]?.rejection).toEqual({
      rule: "E6",
      code: "election.not-a-peer",
      params: { to: 5 },
    });
    expect(play(round, heartbeat(0, 2)).rejections).toEqual([]);
    expect(round.net.inFlight.map((message) => [message.to, message.payload.kind])).toEqual([
      [2, "append"],
    ]);
  });

  it("E6: each heartbeat resets the receiver's timer", () => {
    const round = electionRound({}, 3);
    elect(round, 0, [1, 2]);
    idle(round, 30);
    const before = round.game.nodes[1]!.electionDeadline;
    play(round, heartbeat(0));
    idle(round, 1);
    const after = round.game.nodes[1]!;
    expect(after.electionDeadline).toBe(round.tick + after.electionTimeout);
    expect(after.electionDeadline).toBeGreaterThan(before);
    expect(after.leader).toBe(0);
  });

  it("E6: heartbeats sent in time keep every follower's timer from expiring; without them it expires", () => {
    const round = electionRound({ electionTimeout: [40, 60] }, 5);
    elect(round, 0, [1, 2, 3, 4]);
    for (let i = 0; i < 20; i++) {
      play(round, heartbeat(0));
      idle(round, 19);
      for (const node of [1, 2, 3, 4])
        expect(election.view(round, node).timer?.expired).toBe(false);
    }
    idle(round, 60);
    expect(election.view(round, 3).timer?.expired).toBe(true);
    expect(play(round, by(3, { type: "start-election" })).rejections).toEqual([]);
  });

  it("E6: a candidate that hears from a leader of its own term becomes its follower", () => {
    const round = electionRound({ electionTimeout: [10, 10] }, 3);
    idle(round, 10);
    play(round, by(0, { type: "start-election" }), by(1, { type: "start-election" }));
    idle(round, 1);
    play(
      round,
      by(2, { type: "answer-vote", card: cards(round, 2, "request-vote")[0]!.id, grant: true }),
    );
    until(round, () => round.game.nodes[0]!.role === "leader");
    const { events } = play(round, heartbeat(0));
    events.push(...idle(round, 1));
    expect(roles(round)).toEqual(["leader", "follower", "follower"]);
    expect(events).toContainEqual({
      type: "stepped-down",
      node: 1,
      cluster: 0,
      term: 1,
      cause: "other-leader",
    });
  });

  it("E6: a leader's phone shows what it knows of each follower's log", () => {
    const round = electionRound({}, 3);
    elect(round, 0, [1]);
    play(round, command("x=1"), heartbeat(0));
    idle(round, 2);
    expect(election.view(round, 0).replication).toEqual([
      { node: 1, nextIndex: 2, matchIndex: 1, dueAt: round.tick - 2 + 20 },
      { node: 2, nextIndex: 2, matchIndex: 1, dueAt: round.tick - 2 + 20 },
    ]);
    expect(election.view(round, 1).replication).toBeNull();
  });
});

describe("E6 log replication", () => {
  it("E6: the teacher's command goes to the leader, is replicated and commits once on a majority", () => {
    const round = electionRound({}, 5);
    elect(round, 0, [1, 2]);
    const { events } = play(round, command("x=3"));
    expect(events).toEqual([
      { type: "appended", node: 0, cluster: 0, index: 1, term: 1, command: "x=3" },
    ]);
    expect(election.view(round, 0).heartbeatDue).toBe(true);
    play(round, heartbeat(0));
    const replies = idle(round, 2);
    expect(replies.filter((event) => event.type === "committed")).toEqual([
      { type: "committed", node: 0, cluster: 0, index: 1, term: 1, command: "x=3" },
    ]);
    expect(round.game.nodes.map((raft) => raft.commitIndex)).toEqual([1, 0, 0, 0, 0]);
    // Followers learn the commit index with the next AppendEntries.
    play(round, heartbeat(0));
    idle(round, 1);
    expect(round.game.nodes.map((raft) => raft.commitIndex)).toEqual([1, 1, 1, 1, 1]);
    expect(election.view(round, 3).log).toEqual([
      { index: 1, term: 1, command: "x=3", id: 1, committed: true },
    ]);
  });

  it("E6: an entry stored on a minority does not commit", () => {
    const round = electionRound({}, 5);
    elect(round, 0, [1, 2]);
    play(round, host({ type: "crash", node: 2 }), host({ type: "crash", node: 3 }));
    play(round, host({ type: "crash", node: 4 }), command("x=1"), heartbeat(0));
    idle(round, 5);
    expect(commands(round, 1)).toEqual(["x=1"]);
    expect(round.game.nodes[0]!.commitIndex).toBe(0);
    play(round, host({ type: "restart", node: 4 }), heartbeat(0));
    idle(round, 3);
    expect(round.game.nodes[0]!.commitIndex).toBe(1);
  });

  it("E6: a command finds the highest-term running leader; without one it is refused with a reason", () => {
    const round = electionRound({ clusterSize: 3 }, 6);
    expect(play(round, command("x=1")).rejections[0]?.rejection).toEqual({
      rule: "E6",
      code: "election.no-leader",
      params: { cluster: 1 },
    });
    expect(play(round, command("x=1", 2)).rejections[0]?.rejection).toEqual({
      rule: "E6",
      code: "election.no-such-cluster",
      params: { cluster: 3 },
    });
    elect(round, 3, [4]);
    expect(play(round, command("y=1", 1, 4)).rejections[0]?.rejection).toEqual({
      rule: "E6",
      code: "election.not-leader-node",
      params: { node: 4 },
    });
    expect(play(round, command("y=2", 1)).rejections).toEqual([]);
    expect(commands(round, 3)).toEqual(["y=2"]);
    play(round, host({ type: "crash", node: 3 }));
    expect(play(round, command("y=3", 1)).rejections[0]?.rejection.code).toBe("election.no-leader");
  });

  it("E6: a follower missing entries refuses, and the leader backs up until the logs match", () => {
    const round = electionRound({}, 3);
    elect(round, 0, [1, 2]);
    play(round, host({ type: "crash", node: 2 }));
    for (const text of ["a", "b", "c"]) play(round, command(text), heartbeat(0));
    idle(round, 3);
    play(round, host({ type: "crash", node: 0 }), host({ type: "restart", node: 2 }));
    elect(round, 1, [2]);
    // A new leader assumes its followers are up to date (nextIndex 4): node 2 refuses.
    expect(round.game.nodes[1]!.peers.find((peer) => peer.node === 2)?.nextIndex).toBe(4);
    play(round, command("d"), heartbeat(1, 2));
    idle(round, 2);
    expect(commands(round, 2)).toEqual([]);
    expect(round.game.nodes[1]!.peers.find((peer) => peer.node === 2)).toMatchObject({
      nextIndex: 1,
      matchIndex: 0,
    });
    play(round, heartbeat(1, 2));
    idle(round, 2);
    expect(commands(round, 2)).toEqual(["a", "b", "c", "d"]);
    expect(round.game.nodes[1]!.peers.find((peer) => peer.node === 2)?.matchIndex).toBe(4);
    expect(round.game.nodes[1]!.commitIndex).toBe(4);
  });

  it("E6: a follower's conflicting entries from an old leader are replaced by the new leader's", () => {
    const round = electionRound({}, 3);
    elect(round, 0, [1, 2]);
    play(round, host({ type: "partition", groups: [[0]] }));
    play(round, command("lost"), heartbeat(0));
    expect(commands(round, 0)).toEqual(["lost"]);
    elect(round, 1, [2]);
    play(round, host({ type: "heal-all" }), command("kept", 0, 1));
    play(round, heartbeat(1));
    idle(round, 3);
    play(round, heartbeat(1));
    idle(round, 3);
    expect(commands(round, 0)).toEqual(["kept"]);
    expect(round.game.nodes[0]).toMatchObject({ role: "follower", term: 2, commitIndex: 1 });
  });

  it("E6: a new leader does not commit an older term's entry by counting copies — only with one of its own term", () => {
    const round = electionRound({}, 3);
    elect(round, 0, [1, 2]);
    play(round, command("old"), heartbeat(0, 1));
    // Node 1 stores it, but node 0 crashes before it hears so.
    play(round, host({ type: "crash", node: 0 }));
    idle(round, 2);
    expect(commands(round, 1)).toEqual(["old"]);
    elect(round, 1, [2]);
    // The first try finds node 2 without the entry; the second carries it.
    for (let i = 0; i < 2; i++) {
      play(round, heartbeat(1));
      idle(round, 3);
    }
    expect(commands(round, 2)).toEqual(["old"]);
    expect(round.game.nodes[1]!.commitIndex).toBe(0);
    play(round, command("new"), heartbeat(1));
    idle(round, 3);
    expect(round.game.nodes[1]!.commitIndex).toBe(2);
  });

  it("E6: a late duplicate AppendEntries does not cut a follower's log short", () => {
    const round = electionRound({ assist: "manual" }, 3);
    elect(round, 0, [1, 2]);
    play(round, command("a"), heartbeat(0, 1));
    idle(round, 1);
    const first = cards(round, 1, "append")[0]!;
    play(round, command("b"), heartbeat(0, 1));
    idle(round, 1);
    const second = cards(round, 1, "append")[1]!;
    play(round, by(1, { type: "answer-append", card: second.id, accept: true }));
    expect(round.game.nodes[1]!.log).toHaveLength(0 + 2);
    play(round, by(1, { type: "answer-append", card: first.id, accept: true }));
    expect(commands(round, 1)).toEqual(["a", "b"]);
  });
});
