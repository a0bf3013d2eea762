import { describe, expect, it } from "vitest";
import { election } from "./index.ts";
import { by, commands, elect, electionRound, host, idle, play } from "./testing.ts";

const command = (text: string) => host({ type: "command", cluster: 0, command: text });

describe("E9 debrief", () => {
  it("E9: unavailability counts the ticks without a leader that reaches a majority", () => {
    const round = electionRound({}, 3);
    elect(round, 0, [1, 2]);
    const electedAt = round.tick;
    idle(round, 20);
    expect(round.game.clusters[0]!.unavailableTicks).toBe(electedAt - 1);
    // Cut off alone, the leader still leads but reaches no majority: unavailable (CAP).
    play(round, host({ type: "partition", groups: [[0]] }));
    idle(round, 10);
    expect(round.game.nodes[0]!.role).toBe("leader");
    const debrief = election.debrief(round);
    expect(debrief.clusters[0]).toMatchObject({
      unavailableTicks: electedAt - 1 + 11,
      unavailability: (electedAt - 1 + 11) / round.tick,
    });
  });

  it("E9: terms, elections, the time to elect after a leader crash, committed commands", () => {
    const round = electionRound({}, 3);
    elect(round, 0, [1, 2]);
    play(round, command("x=3"), by(0, { type: "heartbeat" }));
    idle(round, 3);
    play(round, host({ type: "crash", node: 0 }));
    const crashedAt = round.tick;
    elect(round, 1, [2]);
    const debrief = election.debrief(round);
    expect(debrief).toMatchObject({ ticks: round.tick, assist: "assisted", enforcement: "strict" });
    expect(debrief.clusters[0]).toMatchObject({
      members: [0, 1, 2],
      terms: 2,
      elections: 2,
      splitVotes: 0,
      failedElections: 0,
      leaderCrashes: 1,
      electionTimes: [round.tick - crashedAt],
      committed: [{ index: 1, term: 1, command: "x=3" }],
    });
    expect(debrief.clusters[0]!.timeline.map((record) => [record.term, record.leaders])).toEqual([
      [1, [0]],
      [2, [1]],
    ]);
    expect(debrief.violations).toEqual([]);
    expect(commands(round, 1)).toEqual(["x=3"]);
  });

  it("E9: a partition's record shows that the minority side could not elect or commit", () => {
    const round = electionRound({}, 5);
    elect(round, 0, [1, 2]);
    play(round, host({ type: "partition", groups: [[0, 1]] }));
    elect(round, 2, [3, 4]);
    play(round, command("y=1"), by(2, { type: "heartbeat" }));
    idle(round, 3);
    play(round, host({ type: "heal-all" }));
    const [record] = election.debrief(round).partitions;
    expect(record).toEqual({
      from: expect.any(Number),
      to: round.tick,
      sides: [
        {
          cluster: 0,
          group: 0,
          members: [2, 3, 4],
          majority: true,
          leaders: [{ node: 2, term: 2 }],
          elected: 1,
          committed: 1,
        },
        {
          cluster: 0,
          group: 1,
          members: [0, 1],
          majority: false,
          leaders: [{ node: 0, term: 1 }],
          elected: 0,
          committed: 0,
        },
      ],
    });
  });

  it("E9: a partition that splits no cluster leaves no record; a new shape opens a new one", () => {
    const round = electionRound({ clusterSize: 3 }, 6);
    play(round, host({ type: "partition", groups: [[0, 1, 2]] }));
    idle(round, 2);
    expect(election.debrief(round).partitions).toEqual([]);
    play(round, host({ type: "partition", groups: [[0]] }));
    play(round, host({ type: "partition", groups: [[0], [3]] }));
    idle(round, 1);
    const records = election.debrief(round).partitions;
    expect(records.map((record) => [record.to === null, record.sides.length])).toEqual([
      [false, 2],
      [true, 4],
    ]);
  });

  it("E9: the debrief is plain data, apart from the round state", () => {
    const round = electionRound({}, 3);
    elect(round, 0, [1, 2]);
    const debrief = election.debrief(round);
    expect(JSON.parse(JSON.stringify(debrief))).toEqual(debrief);
    debrief.clusters[0]!.timeline[0]!.leaders.push(9);
    expect(round.game.clusters[0]!.terms[0]!.leaders).toEqual([0]);
  });

  it("E9: scores — 5 points per term won, 1 per committed entry a node holds", () => {
    const round = electionRound({}, 3);
    elect(round, 0, [1, 2]);
    play(round, host({ type: "crash", node: 2 }), command("a"), by(0, { type: "heartbeat" }));
    idle(round, 3);
    expect(election.score(round)).toEqual([6, 1, 0]);
  });
});
