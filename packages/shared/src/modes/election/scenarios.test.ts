import { describe, expect, it } from "vitest";
import type { ElectionRound } from "./actions.ts";
import { election } from "./index.ts";
import {
  by,
  cards,
  commands,
  elect,
  electionRound,
  expire,
  host,
  idle,
  play,
  roles,
  until,
} from "./testing.ts";

const RAFT = ["raft", "raft", "raft", "raft", "raft"];
const leaderOf = (round: ElectionRound) => roles(round).indexOf("leader");
const command = (text: string, node?: number) =>
  host({ type: "command", cluster: 0, command: text, node });

describe("Raft scenarios", () => {
  it("E5, E6, E9: a leader crashes; the others elect a new one in a later term, and nothing committed is lost", () => {
    const round = electionRound({ latency: [2, 6] }, 5, { bots: RAFT, seed: 4 });
    until(round, () => leaderOf(round) >= 0);
    const first = leaderOf(round);
    const term = round.game.nodes[first]!.term;
    for (const text of ["a", "b"]) play(round, command(text));
    until(round, () => round.game.nodes[first]!.commitIndex === 2, 100);
    const crashedAt = round.tick + 1;
    play(round, host({ type: "crash", node: first }));
    until(round, () => leaderOf(round) >= 0);
    const second = leaderOf(round);
    expect(second).not.toBe(first);
    expect(round.game.nodes[second]!.term).toBeGreaterThan(term);
    expect(commands(round, second)).toEqual(["a", "b"]);
    expect(round.game.clusters[0]!.electionTimes).toEqual([round.tick - crashedAt]);
    // E2: nobody stood before a timer had expired: the new leader needed at least 8 s.
    expect(round.tick - crashedAt).toBeGreaterThanOrEqual(80);
    play(round, command("c"), host({ type: "restart", node: first }));
    until(round, () => round.game.nodes.every((raft) => raft.commitIndex === 3), 200);
    expect(commands(round, first)).toEqual(["a", "b", "c"]);
    expect(round.game.nodes[first]!.role).toBe("follower");
    expect(round.game.safety.violations).toEqual([]);
  });

  it("E5, E9: a split vote ends without a leader; a new timeout and term elect one", () => {
    const round = electionRound({ electionTimeout: [30, 60] }, 4);
    idle(round, 60);
    play(round, by(0, { type: "start-election" }), by(3, { type: "start-election" }));
    idle(round, 1);
    const grant = (voter: number, candidate: number) =>
      by(voter, {
        type: "answer-vote",
        card: cards(round, voter, "request-vote").find((card) => card.from === candidate)!.id,
        grant: true,
      });
    play(round, grant(1, 0), grant(2, 3));
    idle(round, 2);
    expect(roles(round)).toEqual(["candidate", "follower", "follower", "candidate"]);
    const next = [0, 3].sort(
      (p, q) => round.game.nodes[p]!.electionDeadline - round.game.nodes[q]!.electionDeadline,
    )[0]!;
    const term = elect(round, next, [1, 2, 3 - next]);
    expect(term).toBe(2);
    expect(election.debrief(round).clusters[0]).toMatchObject({
      terms: 2,
      elections: 1,
      splitVotes: 1,
      failedElections: 1,
    });
  });

  it("E6, E9: a minority leader cut off by a partition cannot commit, and steps down after the heal", () => {
    const round = electionRound({ latency: [2, 4] }, 5, { bots: RAFT, seed: 2 });
    until(round, () => leaderOf(round) >= 0);
    const old = leaderOf(round);
    const oldTerm = round.game.nodes[old]!.term;
    const buddy = (old + 1) % 5;
    const majority = [0, 1, 2, 3, 4].filter((node) => node !== old && node !== buddy);
    play(round, host({ type: "partition", groups: [[old, buddy]] }));
    play(round, command("lost", old));
    idle(round, 150);
    expect(round.game.nodes[old]).toMatchObject({ role: "leader", commitIndex: 0 });
    expect(commands(round, old)).toEqual(["lost"]);
    const fresh = majority.find((node) => round.game.nodes[node]!.role === "leader");
    expect(fresh).toBeDefined();
    expect(round.game.nodes[fresh!]!.term).toBeGreaterThan(oldTerm);
    play(round, command("kept"));
    until(round, () => round.game.nodes[fresh!]!.commitIndex === 1, 100);
    expect(round.game.nodes[old]!.commitIndex).toBe(0);

    const events = [...play(round, host({ type: "heal-all" })).events];
    for (let i = 0; i < 100 && round.game.nodes[old]!.role === "leader"; i++) {
      events.push(...play(round).events);
    }
    expect(events).toContainEqual(
      expect.objectContaining({
        type: "stepped-down",
        node: old,
        term: oldTerm,
        cause: "higher-term",
      }),
    );
    until(round, () => round.game.nodes.every((raft) => raft.commitIndex === 1), 200);
    expect(commands(round, old)).toEqual(["kept"]);

    const [partition] = election.debrief(round).partitions;
    expect(partition?.to).not.toBeNull();
    // Group 0 is everyone the teacher did not name: here the majority.
    expect(partition?.sides).toEqual([
      expect.objectContaining({
        group: 0,
        members: majority,
        majority: true,
        elected: 1,
        committed: 1,
      }),
      expect.objectContaining({
        group: 1,
        members: [old, buddy].sort((p, q) => p - q),
        majority: false,
        leaders: [{ node: old, term: oldTerm }],
        elected: 0,
        committed: 0,
      }),
    ]);
    expect(round.game.safety.violations).toEqual([]);
  });

  it("E4, E6: a stale leader's AppendEntries are refused, and the refusal makes it step down", () => {
    const round = electionRound({}, 3);
    elect(round, 0, [1, 2]);
    play(round, host({ type: "partition", groups: [[0]] }));
    elect(round, 1, [2]);
    // Healed, node 0 still believes it leads term 1 and sends a heartbeat at once.
    play(round, host({ type: "heal-all" }), command("stale", 0), by(0, { type: "heartbeat" }));
    const events = idle(round, 2);
    const replies = events.flatMap((event) =>
      event.type === "transmit" && event.message.payload.kind === "append-reply"
        ? [event.message.payload]
        : [],
    );
    expect(replies).toEqual([
      { kind: "append-reply", term: 2, success: false, matchIndex: 0 },
      { kind: "append-reply", term: 2, success: false, matchIndex: 0 },
    ]);
    expect(round.game.nodes[0]).toMatchObject({ role: "follower", term: 2 });
    expect(commands(round, 1)).toEqual([]);
    expect(commands(round, 2)).toEqual([]);
  });

  it("E4, E6: in the manual level, accepting a stale leader's AppendEntries is rejected with the reason", () => {
    const round = electionRound({ assist: "manual" }, 3);
    elect(round, 0, [1, 2]);
    play(round, host({ type: "partition", groups: [[0]] }));
    expire(round, 1);
    elect(round, 1, [2]);
    play(round, host({ type: "heal-all" }), by(0, { type: "heartbeat", to: 2 }));
    idle(round, 1);
    const card = cards(round, 2, "append").find((entry) => entry.from === 0)!;
    const { rejections } = play(
      round,
      by(2, { type: "answer-append", card: card.id, accept: true }),
    );
    expect(rejections[0]?.rejection).toEqual({
      rule: "E4",
      code: "election.stale-leader",
      params: { node: 0, term: 1, current: 2 },
    });
  });
});
