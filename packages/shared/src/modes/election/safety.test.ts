import { describe, expect, it } from "vitest";
import type { NodeId } from "../../net/topology.ts";
import { createElectionGame, type ElectionGame, termRecord } from "./game.ts";
import type { Entry } from "./raft.ts";
import { createSafetyWatch, inspectSafety } from "./safety.ts";

/** Entries by (term, id); the command names the id. */
const log = (...entries: [number, number][]): Entry[] =>
  entries.map(([term, id]) => ({ term, id, command: `c${id}` }));

/** A three-node cluster whose nodes' state the test writes by hand. */
function cluster(): ElectionGame {
  return createElectionGame([[0, 1, 2]], 1);
}

function lead(game: ElectionGame, node: NodeId, term: number): void {
  Object.assign(game.nodes[node]!, { role: "leader", term });
  termRecord(game.clusters[0]!, term, 0).leaders.push(node);
}

describe("E7 safety checker", () => {
  it("E7: two leaders in one term are reported once, with the tick, the term and both nodes", () => {
    const game = cluster();
    const watch = createSafetyWatch(1);
    lead(game, 0, 3);
    expect(inspectSafety(watch, game, 10)).toEqual([]);
    lead(game, 2, 3);
    const found = inspectSafety(watch, game, 11);
    expect(found).toEqual([
      { property: "election-safety", tick: 11, cluster: 0, term: 3, nodes: [0, 2], index: null },
    ]);
    expect(inspectSafety(watch, game, 12)).toEqual([]);
    expect(watch.violations).toEqual(found);
  });

  it("E7: leaders of different terms at once are no violation (a stale leader in a minority)", () => {
    const game = cluster();
    lead(game, 0, 1);
    lead(game, 1, 2);
    expect(inspectSafety(createSafetyWatch(1), game, 5)).toEqual([]);
  });

  it("E7: log matching — the same index and term with different entries before it is reported", () => {
    const game = cluster();
    game.nodes[0]!.log = log([1, 1], [3, 3]);
    game.nodes[1]!.log = log([2, 2], [3, 3]);
    expect(inspectSafety(createSafetyWatch(1), game, 7)).toEqual([
      { property: "log-matching", tick: 7, cluster: 0, term: 3, nodes: [0, 1], index: 2 },
    ]);
  });

  it("E7: logs that differ from an entry of another term on are fine (not yet repaired)", () => {
    const game = cluster();
    game.nodes[0]!.log = log([1, 1], [1, 2], [3, 5]);
    game.nodes[1]!.log = log([1, 1], [2, 3], [2, 4]);
    game.nodes[2]!.log = log([1, 1]);
    expect(inspectSafety(createSafetyWatch(1), game, 7)).toEqual([]);
  });

  it("E7: a committed entry replaced on the node that committed it is reported as lost", () => {
    const game = cluster();
    const watch = createSafetyWatch(1);
    for (const raft of game.nodes)
      Object.assign(raft, { log: log([1, 1]), commitIndex: 1, term: 1 });
    inspectSafety(watch, game, 3);
    expect(watch.committed[0]).toEqual([{ term: 1, id: 1, command: "c1", commitTerm: 1, at: 3 }]);
    game.nodes[2]!.log = log([2, 9]);
    expect(inspectSafety(watch, game, 4)).toEqual([
      { property: "committed-lost", tick: 4, cluster: 0, term: 1, nodes: [2], index: 1 },
    ]);
  });

  it("E7: a committed entry held by fewer than a majority is reported as lost", () => {
    const game = cluster();
    const watch = createSafetyWatch(1);
    game.nodes[0]!.log = log([1, 1]);
    game.nodes[1]!.log = log([1, 1]);
    game.nodes[0]!.commitIndex = 1;
    expect(inspectSafety(watch, game, 3)).toEqual([]);
    game.nodes[1]!.log = [];
    expect(inspectSafety(watch, game, 4)).toEqual([
      { property: "committed-lost", tick: 4, cluster: 0, term: 1, nodes: [1, 2], index: 1 },
    ]);
  });

  it("E7: uncommitted entries may be overwritten", () => {
    const game = cluster();
    const watch = createSafetyWatch(1);
    for (const raft of game.nodes) raft.log = log([1, 1], [1, 2]);
    game.nodes[0]!.commitIndex = 1;
    inspectSafety(watch, game, 1);
    game.nodes[1]!.log = log([1, 1], [2, 7]);
    game.nodes[2]!.log = log([1, 1]);
    expect(inspectSafety(watch, game, 2)).toEqual([]);
  });

  it("E7: leader completeness — a leader of a later term without a committed entry is reported", () => {
    const game = cluster();
    const watch = createSafetyWatch(1);
    for (const node of [0, 1]) Object.assign(game.nodes[node]!, { log: log([1, 1]), term: 1 });
    game.nodes[0]!.commitIndex = 1;
    inspectSafety(watch, game, 1);
    // The leader of the committing term itself is not asked; a later one is.
    lead(game, 2, 1);
    expect(inspectSafety(watch, game, 2)).toEqual([]);
    lead(game, 2, 2);
    expect(inspectSafety(watch, game, 3)).toEqual([
      { property: "leader-completeness", tick: 3, cluster: 0, term: 2, nodes: [2], index: 1 },
    ]);
  });

  it("E7: clusters are checked apart: the same index and term in two clusters is no violation", () => {
    const game = createElectionGame(
      [
        [0, 1],
        [2, 3],
      ],
      1,
    );
    game.nodes[0]!.log = log([1, 1]);
    game.nodes[2]!.log = log([1, 2]);
    expect(inspectSafety(createSafetyWatch(2), game, 1)).toEqual([]);
  });
});
