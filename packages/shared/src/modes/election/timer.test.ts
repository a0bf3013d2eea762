import { describe, expect, it } from "vitest";
import { election } from "./index.ts";
import { by, elect, electionRound, expire, idle, play, roles } from "./testing.ts";
import { timeoutFor } from "./timers.ts";

const start = (node: number) => by(node, { type: "start-election" });

describe("E2 election timeouts", () => {
  it("E2: timeouts are drawn per node and per term from 8–16 s by default", () => {
    const round = electionRound({}, 15);
    const timeouts = round.game.nodes.map((raft) => raft.electionTimeout);
    for (const timeout of timeouts) {
      expect(timeout).toBeGreaterThanOrEqual(80);
      expect(timeout).toBeLessThanOrEqual(160);
    }
    expect(new Set(timeouts).size).toBeGreaterThan(10);
    const seed = round.game.timerSeed;
    const byTerm = [0, 1, 2, 3, 4, 5].map((term) => timeoutFor(seed, 0, term, [80, 160]));
    expect(new Set(byTerm).size).toBeGreaterThan(3);
    // Pure: the same node and term always wait as long.
    expect(timeoutFor(seed, 3, 7, [80, 160])).toBe(timeoutFor(seed, 3, 7, [80, 160]));
  });

  it("E2: the range is configurable", () => {
    const round = electionRound({ electionTimeout: [20, 25] }, 5);
    for (const raft of round.game.nodes) {
      expect(raft.electionTimeout).toBeGreaterThanOrEqual(20);
      expect(raft.electionTimeout).toBeLessThanOrEqual(25);
      expect(raft.electionDeadline).toBe(raft.electionTimeout);
    }
  });

  it("E2: before its timer expires a follower may not stand, and the phone says how long is left", () => {
    const round = electionRound({ electionTimeout: [50, 50] }, 5);
    idle(round, 19);
    expect(election.view(round, 0).timer).toEqual({
      deadline: 50,
      timeout: 50,
      remaining: 31,
      expired: false,
    });
    const { rejections } = play(round, start(0));
    expect(rejections[0]?.rejection).toEqual({
      rule: "E2",
      code: "election.timer-running",
      params: { seconds: 3 },
    });
    expect(roles(round)[0]).toBe("follower");
  });

  it("E2: once it expires the phone says so, and standing makes a candidate of term + 1 that votes for itself and asks every peer", () => {
    const round = electionRound({}, 5);
    expire(round, 2);
    expect(election.view(round, 2).timer?.expired).toBe(true);
    expect(election.view(round, 2).startElection).toBeNull();
    const { rejections, events } = play(round, start(2));
    expect(rejections).toEqual([]);
    expect(round.game.nodes[2]).toMatchObject({
      role: "candidate",
      term: 1,
      votedFor: 2,
      votes: [2],
    });
    expect(events.filter((event) => event.type === "election-started")).toEqual([
      { type: "election-started", node: 2, cluster: 0, term: 1 },
    ]);
    const sent = round.net.inFlight.map((message) => [message.to, message.payload]);
    expect(sent).toEqual(
      [0, 1, 3, 4].map((to) => [
        to,
        { kind: "request-vote", term: 1, lastLogIndex: 0, lastLogTerm: 0 },
      ]),
    );
  });

  it("E2: a leader has no election to start", () => {
    const round = electionRound({}, 3);
    elect(round, 0, [1]);
    const { rejections } = play(round, start(0));
    expect(rejections[0]?.rejection).toEqual({ rule: "E2", code: "election.already-leader" });
    expect(election.view(round, 0).timer).toBeNull();
  });

  it("E2: permissive enforcement does not waive the timer", () => {
    const round = electionRound({ enforcement: "permissive" }, 3);
    expect(play(round, start(0)).rejections[0]?.rejection.code).toBe("election.timer-running");
  });
});
