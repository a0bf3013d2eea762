import { describe, expect, it } from "vitest";
import { electionBoardOf, electionSummaryOf, nodeList, raftNodeLabel } from "./board.ts";

describe("the election board as the console reads it (docs/protocol.md)", () => {
  it("lists inside list items arrive as '1,2,3' strings", () => {
    expect(nodeList("0,1,12")).toEqual([0, 1, 12]);
    expect(nodeList("")).toEqual([]);
    expect(nodeList(undefined)).toEqual([]);
  });

  it("P4, E2, E9: -1 stands for null; countdowns arrive as the tick they count to", () => {
    const board = electionBoardOf(
      {
        assist: "manual",
        enforcement: "permissive",
        electionTimeout: [80, 160],
        clusters: [
          {
            cluster: 0,
            members: "0,1,2",
            majority: 2,
            leader: -1,
            term: 3,
            available: false,
            committed: 1,
            unavailableTicks: 40,
            unavailableSince: 90,
            timeline: [
              {
                term: 3,
                candidates: "1,2",
                leaders: "",
                startedAt: 90,
                electedAt: -1,
                endedAt: -1,
              },
            ],
          },
        ],
        nodes: [
          { node: 0, name: "Ada", bot: "", up: true, role: "follower", deadline: 130, timeout: 90 },
          { node: 1, name: "", bot: "raft", up: false, role: "candidate", deadline: 95 },
          { node: 2, name: "Ben", bot: "raft", role: "leader", deadline: -1, votedFor: 2 },
        ],
        links: [{ link: 0, a: 0, b: 1, up: true, blocked: "partition", latency: 5, loss: 0 }],
        messages: [{ message: 7, kind: "vote", term: 3, from: 2, to: 1, ok: 0, entries: 0 }],
        violations: [
          { property: "election-safety", tick: 80, cluster: 0, term: 2, nodes: "1,2", index: -1 },
        ],
        faults: [{ kind: "partition", fallacy: "fallacy.reliable", count: 1 }],
        counters: { drops: { loss: 3, partition: 0 } },
      },
      100,
    )!;
    expect(board.clusters[0]).toMatchObject({
      members: [0, 1, 2],
      leader: null,
      unavailableTicks: 50,
      timeline: [{ term: 3, candidates: [1, 2], leaders: [], electedAt: null, endedAt: null }],
    });
    expect(
      board.nodes.map(({ deadline, timer, bot, votedFor }) => [deadline, timer, bot, votedFor]),
    ).toEqual([
      [130, 30, null, null],
      [95, 0, "raft", null],
      [null, null, "raft", 2],
    ]);
    expect(board.links[0]!.blocked).toBe("partition");
    expect(board.messages[0]!.ok).toBe(false);
    expect(board.violations[0]).toMatchObject({ nodes: [1, 2], index: null });
    expect(board.drops).toEqual({ loss: 3 });
    expect(electionBoardOf({ nodes: [] }, 5)).toBeNull();
    expect(electionBoardOf(undefined, 5)).toBeNull();
  });

  it("E9: the debrief message of an election round, and none of another mode's", () => {
    const mine = { ticks: 10, clusters: [] };
    expect(
      electionSummaryOf({ mode: "election", summary: { class: mine, baseline: mine } }),
    ).toEqual({ class: mine, baseline: mine });
    expect(electionSummaryOf({ mode: "routing", summary: { class: mine } })).toBeNull();
    expect(electionSummaryOf({ mode: "election", summary: { class: { ticks: 1 } } })).toBeNull();
  });

  it("D5: a node is its number and who plays it; a student away is played by a bot", () => {
    const nodes = [
      { name: "Ada", bot: null },
      { name: "", bot: "raft" },
      { name: "Ben", bot: "raft" },
    ];
    expect(raftNodeLabel(nodes, 0)).toBe("1 · Ada");
    expect(raftNodeLabel(nodes, 1)).toBe("2");
    expect(raftNodeLabel(nodes, 2, (name) => `${name} (bot)`)).toBe("3 · Ben (bot)");
  });
});
