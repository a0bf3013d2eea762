import { describe, expect, it } from "vitest";
import { election } from "./index.ts";
import { by, commands, elect, electionRound, host, idle, play } from "./testing.ts";

describe("E1 node state", () => {
  it("E1: a node holds term, votedFor, role, log, commitIndex and electionDeadline", () => {
    const raft = electionRound({}, 3).game.nodes[0]!;
    expect(raft).toMatchObject({
      term: 0,
      votedFor: null,
      role: "follower",
      log: [],
      commitIndex: 0,
    });
    expect(raft.electionDeadline).toBeGreaterThan(0);
  });

  it("E1, N4: term, votedFor and log survive a crash; role, commit index and leader state do not", () => {
    const round = electionRound({}, 3);
    elect(round, 0, [1, 2]);
    play(
      round,
      host({ type: "command", cluster: 0, command: "x=1" }),
      by(0, { type: "heartbeat" }),
    );
    idle(round, 3);
    expect(round.game.nodes[0]).toMatchObject({ role: "leader", commitIndex: 1, votedFor: 0 });
    const { events } = play(round, host({ type: "crash", node: 0 }));
    expect(round.game.nodes[0]).toMatchObject({
      term: 1,
      votedFor: 0,
      log: [{ term: 1, command: "x=1", id: 1 }],
      role: "follower",
      commitIndex: 0,
      leader: null,
      votes: [],
      peers: [],
    });
    expect(events).toContainEqual({
      type: "stepped-down",
      node: 0,
      cluster: 0,
      term: 1,
      cause: "crash",
    });
    expect(round.game.clusters[0]!.terms[0]!.endedAt).toBe(round.tick);
  });

  it("E1, N4: a restarted node is a follower with a fresh timer, and learns the commit index again", () => {
    const round = electionRound({}, 3);
    elect(round, 0, [1, 2]);
    play(
      round,
      host({ type: "command", cluster: 0, command: "x=1" }),
      by(0, { type: "heartbeat" }),
    );
    idle(round, 3);
    play(round, by(0, { type: "heartbeat" }));
    idle(round, 2);
    expect(round.game.nodes[2]!.commitIndex).toBe(1);
    play(round, host({ type: "crash", node: 2 }));
    idle(round, 500);
    play(round, host({ type: "restart", node: 2 }));
    const raft = round.game.nodes[2]!;
    expect(raft).toMatchObject({ role: "follower", term: 1, votedFor: 0, commitIndex: 0 });
    expect(raft.electionDeadline).toBe(round.tick + raft.electionTimeout);
    expect(commands(round, 2)).toEqual(["x=1"]);
    play(round, by(0, { type: "heartbeat" }));
    idle(round, 2);
    expect(raft.commitIndex).toBe(1);
  });

  it("N4: a crashed node cannot act, and the messages on their way to it are lost", () => {
    const round = electionRound({ latency: [3, 3] }, 3);
    elect(round, 0, [1, 2]);
    play(round, by(0, { type: "heartbeat" }));
    const { rejections, events } = play(
      round,
      host({ type: "crash", node: 1 }),
      by(1, { type: "start-election" }),
      by(1, { type: "restart" }),
    );
    expect(rejections.map((r) => r.rejection)).toEqual([
      { rule: "N4", code: "node.down" },
      { rule: "E8", code: "election.crash-in-watch" },
    ]);
    expect(events).toContainEqual(expect.objectContaining({ type: "drop", cause: "node-down" }));
    expect(election.view(round, 1).up).toBe(false);
  });
});
