import { describe, expect, it } from "vitest";
import { readScreen } from "../screen.ts";
import { readElectionView, secondsUntil } from "./view.ts";

const none = { rule: "", code: "", params: "" };

/** A candidate's entry as a student's `toJSON()` gives it (docs/protocol.md, `ElectionNode`). */
const candidate = {
  node: 3,
  up: true,
  cluster: 1,
  majority: 3,
  role: "candidate",
  term: 4,
  votedFor: 3,
  leader: -1,
  votes: [3, 1],
  deadline: 160,
  timeout: 120,
  startElection: { rule: "E2", code: "election.timer-running", params: "" },
  log: [
    { index: 1, term: 1, command: "x=1", id: 0, committed: true },
    { index: 2, term: 3, command: "y=2", id: 4, committed: false },
  ],
  commitIndex: 1,
  cards: [
    {
      card: 17,
      kind: "request-vote",
      from: 2,
      term: 4,
      lastLogIndex: 1,
      lastLogTerm: 1,
      prevLogIndex: 0,
      prevLogTerm: 0,
      entries: [],
      leaderCommit: 0,
      arrivedAt: 95,
      verdict: {
        rule: "E3",
        code: "election.voted-for-self",
        params: JSON.stringify({ term: 4 }),
      },
    },
    {
      card: 18,
      kind: "append",
      from: 4,
      term: 4,
      lastLogIndex: 0,
      lastLogTerm: 0,
      prevLogIndex: 1,
      prevLogTerm: 1,
      entries: [{ term: 4, command: "z=3", id: 9 }],
      leaderCommit: 1,
      arrivedAt: 100,
      verdict: { rule: "E6", code: "election.not-follower", params: "" },
    },
  ],
  inboxLimit: 16,
  replication: [],
  heartbeatDue: false,
  peers: [
    { node: 1, name: "Ben", up: true },
    { node: 2, name: "", up: false },
  ],
  assist: "manual",
  enforcement: "permissive",
};

describe("the phone's reading of its Raft server", () => {
  it("D4, E1: its own entry becomes the engine's ElectionView; -1 and '' become null", () => {
    const view = readElectionView(candidate, 100);
    expect(view).toMatchObject({
      node: 3,
      tick: 100,
      up: true,
      cluster: 1,
      majority: 3,
      role: "candidate",
      term: 4,
      votedFor: 3,
      leader: null,
      votes: [3, 1],
      commitIndex: 1,
      inboxLimit: 16,
      replication: null,
      heartbeatDue: false,
      assist: "manual",
      enforcement: "permissive",
    });
    expect(view.peers).toEqual([
      { node: 1, up: true },
      { node: 2, up: false },
    ]);
    expect(view.log).toEqual(candidate.log);
  });

  it("E2: the timer's time left and expiry, and the refusal's seconds, are counted from the tick", () => {
    const running = readElectionView(candidate, 100);
    expect(running.timer).toEqual({ deadline: 160, timeout: 120, remaining: 60, expired: false });
    expect(running.startElection).toEqual({
      rule: "E2",
      code: "election.timer-running",
      params: { seconds: 6 },
    });
    expect(readElectionView(candidate, 151).startElection?.params).toEqual({ seconds: 1 });
    const expired = readElectionView({ ...candidate, startElection: none }, 170);
    expect(expired.timer).toEqual({ deadline: 160, timeout: 120, remaining: 0, expired: true });
    expect(expired.startElection).toBeNull();
  });

  it("E3, E6, D3: cards keep their kind's fields, their age, and the engine's verdict with its params", () => {
    const [vote, append] = readElectionView(candidate, 100).cards;
    expect(vote).toEqual({
      kind: "request-vote",
      card: 17,
      from: 2,
      term: 4,
      lastLogIndex: 1,
      lastLogTerm: 1,
      age: 5,
      verdict: { rule: "E3", code: "election.voted-for-self", params: { term: 4 } },
    });
    expect(append).toEqual({
      kind: "append",
      card: 18,
      from: 4,
      term: 4,
      prevLogIndex: 1,
      prevLogTerm: 1,
      entries: [{ term: 4, command: "z=3", id: 9 }],
      leaderCommit: 1,
      age: 0,
      verdict: { rule: "E6", code: "election.not-follower" },
    });
  });

  it("E6: a leader has no timer and knows its followers' progress", () => {
    const leader = readElectionView(
      {
        ...candidate,
        role: "leader",
        deadline: -1,
        timeout: 0,
        startElection: { rule: "E2", code: "election.already-leader", params: "" },
        replication: [{ node: 1, nextIndex: 3, matchIndex: 2, dueAt: 120 }],
        heartbeatDue: true,
      },
      100,
    );
    expect(leader.timer).toBeNull();
    expect(leader.startElection).toEqual({ rule: "E2", code: "election.already-leader" });
    expect(leader.replication).toEqual([{ node: 1, nextIndex: 3, matchIndex: 2, dueAt: 120 }]);
    expect(leader.heartbeatDue).toBe(true);
  });

  it("lists flattened to '1,2,3' on the wire and missing parts read as empty", () => {
    expect(readElectionView({ ...candidate, votes: "3,1" }, 100).votes).toEqual([3, 1]);
    const bare = readElectionView({ node: 0, role: "nonsense" }, 5);
    expect(bare).toMatchObject({
      role: "follower",
      votes: [],
      log: [],
      cards: [],
      peers: [],
      timer: null,
      startElection: null,
      assist: "assisted",
      enforcement: "strict",
    });
  });

  it("E2: whole seconds until a deadline, rounded up as the engine words its refusal", () => {
    expect(secondsUntil(160, 100)).toBe(6);
    expect(secondsUntil(160, 159)).toBe(1);
    expect(secondsUntil(160, 160)).toBe(0);
    expect(secondsUntil(160, 200)).toBe(0);
  });
});

describe("the phone's choice of screen", () => {
  const seat = { playerId: "p-ada", nickname: "Ada" };
  const state = {
    phase: "running",
    mode: "election",
    tick: 100,
    config: JSON.stringify({ clusterSize: 5, heartbeatInterval: 12 }),
    players: { "p-ada": { id: "p-ada", nickname: "Ada", node: 3, connected: true } },
    election: { board: {}, nodes: { "3": candidate } },
  };

  it("D4, P5: an election round gives the student its Raft server and no router", () => {
    const screen = readScreen(state, seat);
    expect(screen).toMatchObject({ mode: "election", node: 3, view: null, heartbeatInterval: 12 });
    expect(screen.election?.role).toBe("candidate");
  });

  it("P5: before the teacher configures a round there is no mode; heartbeats default to 20 ticks", () => {
    const lobby = readScreen({ phase: "lobby", mode: "", config: "", players: {} }, seat);
    expect(lobby).toMatchObject({ mode: null, election: null, heartbeatInterval: 20 });
  });
});
