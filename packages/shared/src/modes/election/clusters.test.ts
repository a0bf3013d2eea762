import { describe, expect, it } from "vitest";
import { ConfigError, createRound } from "../../engine/round.ts";
import { linkBetween } from "../../net/network.ts";
import { clusterMembers } from "./clusters.ts";
import { election } from "./index.ts";
import { electionRound, seatsOf } from "./testing.ts";

const sizes = (members: number[][]) => members.map((cluster) => cluster.length);

describe("§3.2 clusters", () => {
  it("§3.2: the class is split into clusters of 5 by default, each within half a size of it", () => {
    expect(sizes(electionRound({}, 23).game.clusters.map((c) => c.members))).toEqual([
      5, 5, 5, 4, 4,
    ]);
    expect(sizes(clusterMembers(10, 5))).toEqual([5, 5]);
    expect(sizes(clusterMembers(7, 5))).toEqual([7]);
    expect(sizes(clusterMembers(4, 5))).toEqual([4]);
    expect(clusterMembers(6, 3)).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
  });

  it("§3.2: the cluster size is configurable from 3 to 15, or one cluster of the whole class", () => {
    expect(sizes(clusterMembers(30, 15))).toEqual([15, 15]);
    expect(
      sizes(electionRound({ clusterSize: null }, 30).game.clusters.map((c) => c.members)),
    ).toEqual([30]);
    for (const clusterSize of [2, 16, 4.5, "5"]) {
      expect(() => electionRound({ clusterSize }, 10)).toThrow(ConfigError);
    }
  });

  it("§3.2: every cluster is a full mesh of its own; no link joins two clusters", () => {
    const round = electionRound({ latency: [3, 9] }, 11);
    const { clusterOf } = round.game;
    for (let a = 0; a < 11; a++) {
      for (let b = a + 1; b < 11; b++) {
        const linked = linkBetween(round.net, a, b) !== undefined;
        expect(linked, `${a}-${b}`).toBe(clusterOf[a] === clusterOf[b]);
      }
    }
    expect(round.net.links.length).toBe(15 + 10);
    for (const link of round.net.links) {
      expect(link.latency).toBeGreaterThanOrEqual(3);
      expect(link.latency).toBeLessThanOrEqual(9);
    }
  });

  it("§3.2: clusters are drawn apart from each other, inside the unit square", () => {
    const round = electionRound({}, 20);
    const { positions } = round.net;
    for (const point of positions) {
      expect(point.x).toBeGreaterThanOrEqual(0);
      expect(point.x).toBeLessThanOrEqual(1);
      expect(point.y).toBeGreaterThanOrEqual(0);
      expect(point.y).toBeLessThanOrEqual(1);
    }
    const centre = (members: number[]) => ({
      x: members.reduce((sum, node) => sum + positions[node]!.x, 0) / members.length,
      y: members.reduce((sum, node) => sum + positions[node]!.y, 0) / members.length,
    });
    const centres = round.game.clusters.map((cluster) => centre(cluster.members));
    expect(new Set(centres.map((c) => `${c.x.toFixed(2)},${c.y.toFixed(2)}`)).size).toBe(4);
  });

  it("D1: the same config, seats and seed give the same network and timers", () => {
    const make = () => createRound(election, {}, seatsOf(12), 42);
    expect(JSON.stringify(make())).toBe(JSON.stringify(make()));
    expect(JSON.stringify(make())).not.toBe(
      JSON.stringify(createRound(election, {}, seatsOf(12), 43)),
    );
  });
});
