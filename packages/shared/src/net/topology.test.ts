import { describe, expect, it } from "vitest";
import { ConfigError } from "../engine/round.ts";
import { seedRng } from "../rng.ts";
import { routingRound } from "../testing.ts";
import { generateTopology, TOPOLOGY_PRESETS, type Topology } from "./topology.ts";

const SIZES = [1, 2, 3, 4, 5, 9, 10, 30];

/** Nodes reachable from node 0 over the links, up or down. */
function reachable(topology: Topology): number {
  const seen = new Set([0]);
  let frontier = [0];
  while (frontier.length > 0) {
    const next: number[] = [];
    for (const { a, b } of topology.links) {
      if (frontier.includes(a) && !seen.has(b)) next.push(b);
      if (frontier.includes(b) && !seen.has(a)) next.push(a);
      for (const node of next) seen.add(node);
    }
    frontier = next;
  }
  return seen.size;
}

const degree = (topology: Topology, node: number) =>
  topology.links.filter((link) => link.a === node || link.b === node).length;

describe("N1 topology presets", () => {
  it.each(TOPOLOGY_PRESETS)(
    "N1: %s is connected, with one position per node in the unit square",
    (preset) => {
      for (const size of SIZES) {
        const topology = generateTopology({ preset, size }, seedRng(size * 31 + 7));
        expect(topology.positions, `${preset}/${size}`).toHaveLength(size);
        expect(reachable(topology), `${preset}/${size}`).toBe(size);
        for (const { x, y } of topology.positions) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(1);
          expect(y).toBeGreaterThanOrEqual(0);
          expect(y).toBeLessThanOrEqual(1);
        }
      }
    },
  );

  it.each(TOPOLOGY_PRESETS)(
    "N1: %s links are simple (a < b, no loops, no parallel links)",
    (preset) => {
      for (const size of SIZES) {
        const { links } = generateTopology({ preset, size }, seedRng(size));
        const keys = links.map(({ a, b }) => `${a}-${b}`);
        expect(new Set(keys).size, `${preset}/${size}`).toBe(links.length);
        for (const { a, b } of links) {
          expect(a).toBeLessThan(b);
          expect(a).toBeGreaterThanOrEqual(0);
          expect(b).toBeLessThan(size);
        }
      }
    },
  );

  it("N1: the regular presets have the textbook number of links", () => {
    const count = (preset: (typeof TOPOLOGY_PRESETS)[number], size: number) =>
      generateTopology({ preset, size }, seedRng(1)).links.length;
    for (const size of [3, 5, 10, 30]) {
      expect(count("ring", size)).toBe(size);
      expect(count("line", size)).toBe(size - 1);
      expect(count("star", size)).toBe(size - 1);
      expect(count("tree", size)).toBe(size - 1);
      expect(count("mesh", size)).toBe((size * (size - 1)) / 2);
      expect(count("scale-free", size)).toBe(2 * size - 3);
    }
    expect(count("ring", 2)).toBe(1);
    expect(count("grid", 9)).toBe(12); // 3 × 3
    expect(count("grid", 10)).toBe(13); // 4 columns, the last row holds two nodes
    expect(count("small-world", 10)).toBeGreaterThanOrEqual(20); // degree-4 lattice, rewired
  });

  it("N1: a star's hub touches every other node, a line's ends have one neighbour", () => {
    const star = generateTopology({ preset: "star", size: 7 }, seedRng(1));
    expect(degree(star, 0)).toBe(6);
    for (let node = 1; node < 7; node++) expect(degree(star, node)).toBe(1);
    const line = generateTopology({ preset: "line", size: 5 }, seedRng(1));
    expect([0, 1, 2, 3, 4].map((node) => degree(line, node))).toEqual([1, 2, 2, 2, 1]);
  });

  it("N1: a binary tree links node i to its parent (i - 1) / 2", () => {
    const tree = generateTopology({ preset: "tree", size: 7 }, seedRng(1));
    expect(tree.links.map(({ a, b }) => [a, b])).toEqual([
      [0, 1],
      [0, 2],
      [1, 3],
      [1, 4],
      [2, 5],
      [2, 6],
    ]);
  });

  it.each(TOPOLOGY_PRESETS)("N1: %s is seeded — the same seed gives the same network", (preset) => {
    const first = generateTopology({ preset, size: 16, latency: [2, 20] }, seedRng(42));
    const again = generateTopology({ preset, size: 16, latency: [2, 20] }, seedRng(42));
    expect(again).toEqual(first);
  });

  it("N1: another seed gives other latencies and another random shape", () => {
    for (const preset of ["geometric", "scale-free"] as const) {
      const one = generateTopology({ preset, size: 16 }, seedRng(1));
      const two = generateTopology({ preset, size: 16 }, seedRng(2));
      expect(two.positions, preset).not.toEqual(one.positions);
    }
    const ring = (seed: number) =>
      generateTopology({ preset: "ring", size: 16, latency: [1, 100] }, seedRng(seed)).links.map(
        (link) => link.latency,
      );
    expect(ring(2)).not.toEqual(ring(1));
  });

  it("N1: link properties come from the options and stay in range", () => {
    for (const preset of TOPOLOGY_PRESETS) {
      const { links } = generateTopology(
        { preset, size: 12, latency: [3, 9], jitter: 2, loss: 0.25, capacity: 4 },
        seedRng(9),
      );
      const latencies = new Set<number>();
      for (const link of links) {
        expect(Number.isInteger(link.latency)).toBe(true);
        expect(link.latency).toBeGreaterThanOrEqual(3);
        expect(link.latency).toBeLessThanOrEqual(9);
        latencies.add(link.latency);
        expect(link).toMatchObject({ jitter: 2, loss: 0.25, capacity: 4, up: true });
      }
      if (links.length >= 10) expect(latencies.size, preset).toBeGreaterThan(1);
    }
  });

  it("N1: defaults are latency 5–15 ticks, no jitter, no loss, capacity 2, every link up", () => {
    const { links } = generateTopology({ preset: "mesh", size: 8 }, seedRng(3));
    for (const link of links) {
      expect(link.latency).toBeGreaterThanOrEqual(5);
      expect(link.latency).toBeLessThanOrEqual(15);
      expect(link).toMatchObject({ jitter: 0, loss: 0, capacity: 2, up: true });
    }
  });

  it("N1: a round's network is the seeded topology of its config, with the round's size", () => {
    const one = routingRound({ preset: "small-world", latency: [2, 30] }, 12, { seed: 5 });
    const two = routingRound({ preset: "small-world", latency: [2, 30] }, 12, { seed: 5 });
    expect(one.net.positions).toHaveLength(12);
    expect(two.net.links).toEqual(one.net.links);
    expect(two.net.positions).toEqual(one.net.positions);
    const other = routingRound({ preset: "small-world", latency: [2, 30] }, 12, { seed: 6 });
    expect(other.net.links).not.toEqual(one.net.links);
  });

  it("N1: a latency range whose shortest latency exceeds its longest is refused", () => {
    expect(() => routingRound({ latency: [10, 2] }, 4)).toThrow(ConfigError);
    expect(() => routingRound({ latency: [10, 2] }, 4)).toThrow(/latency/);
    const round = routingRound({ latency: [4, 4] }, 4);
    expect(round.net.links.map((link) => link.latency)).toEqual([4, 4, 4]);
  });
});
