import Graph from "graphology";
import { connectedComponents } from "graphology-components";
import forceAtlas2 from "graphology-layout-forceatlas2";
import { chance, forkRng, nextFloat, nextInt, nextIntBetween, type RngState } from "../rng.ts";

/** N1: the shapes a teacher can pick. */
export const TOPOLOGY_PRESETS = [
  "ring",
  "line",
  "star",
  "grid",
  "tree",
  "mesh",
  "geometric",
  "small-world",
  "scale-free",
] as const;
export type TopologyPreset = (typeof TOPOLOGY_PRESETS)[number];

export type NodeId = number;
export type LinkId = number;

/** N1: a link's properties. Latency and jitter are in ticks. */
export interface Link {
  a: NodeId;
  b: NodeId;
  latency: number;
  jitter: number;
  /** Probability that a message is lost, drawn at send time (N2). */
  loss: number;
  /** Messages per tick in each direction (N3). */
  capacity: number;
  /** False while the teacher has cut it (N7). Partitions are kept apart (N5). */
  up: boolean;
}

/** Where to draw a node, in the unit square. */
export interface Point {
  x: number;
  y: number;
}

export interface Topology {
  positions: Point[];
  links: Link[];
}

export interface TopologyOptions {
  preset: TopologyPreset;
  size: number;
  /** Latency of each link is drawn uniformly from this range (ticks). @default [5, 15] */
  latency?: [number, number];
  /** @default 0 */
  jitter?: number;
  /** @default 0 */
  loss?: number;
  /** @default 2 */
  capacity?: number;
}

type Edge = [NodeId, NodeId];

/** N1: a seeded topology; the same options and rng state always give the same network. */
export function generateTopology(options: TopologyOptions, rng: RngState): Topology {
  const n = Math.max(1, Math.floor(options.size));
  const shape = forkRng(rng);
  const { edges, positions } = SHAPES[options.preset](n, shape);
  const [minLatency, maxLatency] = options.latency ?? [5, 15];
  const links = connect(n, edges, positions).map(
    ([a, b]): Link => ({
      a: Math.min(a, b),
      b: Math.max(a, b),
      latency: nextIntBetween(rng, minLatency, maxLatency),
      jitter: options.jitter ?? 0,
      loss: options.loss ?? 0,
      capacity: options.capacity ?? 2,
      up: true,
    }),
  );
  return { positions: positions.map(roundPoint), links };
}

type Shape = (n: number, rng: RngState) => { edges: Edge[]; positions: Point[] };

const SHAPES: Record<TopologyPreset, Shape> = {
  ring: (n) => ({ edges: ringEdges(n, 1), positions: circle(n) }),
  line: (n) => ({
    edges: range(n - 1).map((i): Edge => [i, i + 1]),
    positions: range(n).map((i) => ({ x: n === 1 ? 0.5 : i / (n - 1), y: 0.5 + (i % 2) * 0.08 })),
  }),
  star: (n) => ({
    edges: range(n - 1).map((i): Edge => [0, i + 1]),
    positions: [{ x: 0.5, y: 0.5 }, ...circle(n - 1)],
  }),
  grid: (n) => {
    const cols = Math.ceil(Math.sqrt(n));
    const rows = Math.ceil(n / cols);
    const edges: Edge[] = [];
    for (let i = 0; i < n; i++) {
      if ((i % cols) + 1 < cols && i + 1 < n) edges.push([i, i + 1]);
      if (i + cols < n) edges.push([i, i + cols]);
    }
    const at = (k: number, count: number) => (count === 1 ? 0.5 : k / (count - 1));
    return {
      edges,
      positions: range(n).map((i) => ({
        x: at(i % cols, cols),
        y: at(Math.floor(i / cols), rows),
      })),
    };
  },
  tree: (n) => {
    // A binary tree, laid out in levels; node i's parent is (i - 1) / 2.
    const edges = range(n - 1).map((i): Edge => [Math.floor(i / 2), i + 1]);
    const depth = Math.floor(Math.log2(n));
    const positions = range(n).map((i) => {
      const level = Math.floor(Math.log2(i + 1));
      const first = 2 ** level - 1;
      const width = 2 ** level;
      return { x: (i - first + 0.5) / width, y: depth === 0 ? 0.5 : level / depth };
    });
    return { edges, positions };
  },
  mesh: (n) => {
    const edges: Edge[] = [];
    for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) edges.push([a, b]);
    return { edges, positions: circle(n) };
  },
  geometric: (n, rng) => {
    // Radius for an expected degree of about 4: n * pi * r^2 = 4.
    const radius = Math.sqrt(4 / (Math.PI * Math.max(n, 1)));
    const positions = range(n).map(() => ({ x: nextFloat(rng), y: nextFloat(rng) }));
    const edges: Edge[] = [];
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        if (distanceSquared(positions[a]!, positions[b]!) <= radius * radius) edges.push([a, b]);
      }
    }
    return { edges, positions };
  },
  "small-world": (n, rng) => {
    // Watts–Strogatz: a ring lattice of degree 4 whose links are rewired with probability 0.1.
    const taken = new Set<string>();
    const key = (a: number, b: number) => (a < b ? `${a}-${b}` : `${b}-${a}`);
    const edges = ringEdges(n, 2);
    for (const edge of edges) taken.add(key(edge[0], edge[1]));
    for (const edge of edges) {
      if (n < 5 || !chance(rng, 0.1)) continue;
      const target = nextInt(rng, n);
      if (target === edge[0] || taken.has(key(edge[0], target))) continue;
      taken.delete(key(edge[0], edge[1]));
      taken.add(key(edge[0], target));
      edge[1] = target;
    }
    return { edges, positions: circle(n) };
  },
  "scale-free": (n, rng) => {
    // Barabási–Albert preferential attachment, two links per new node: a few hubs, many leaves,
    // like the internet's router graph.
    const edges: Edge[] = n > 1 ? [[0, 1]] : [];
    const ends: NodeId[] = n > 1 ? [0, 1] : [];
    for (let node = 2; node < n; node++) {
      const targets = new Set<NodeId>();
      while (targets.size < Math.min(2, node)) targets.add(ends[nextInt(rng, ends.length)]!);
      for (const target of targets) {
        edges.push([target, node]);
        ends.push(target, node);
      }
    }
    return { edges, positions: forceLayout(n, edges, rng) };
  },
};

/** Random shapes may come out in pieces; join each piece to its nearest node in the main one. */
function connect(n: number, edges: Edge[], positions: Point[]): Edge[] {
  const graph = toGraph(n, edges);
  const components = connectedComponents(graph)
    .map((component) => component.map(Number))
    .sort((p, q) => q.length - p.length || p[0]! - q[0]!);
  const main = components[0] ?? [];
  const joined = [...edges];
  for (const piece of components.slice(1)) {
    let best: Edge = [main[0]!, piece[0]!];
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const a of piece) {
      for (const b of main) {
        const d = distanceSquared(positions[a]!, positions[b]!);
        if (d < bestDistance) [best, bestDistance] = [[b, a], d];
      }
    }
    joined.push(best);
    main.push(...piece);
  }
  return dedupe(joined);
}

function dedupe(edges: Edge[]): Edge[] {
  const seen = new Set<string>();
  return edges.filter(([a, b]) => {
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (a === b || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A seeded force-directed layout, scaled into the unit square. */
function forceLayout(n: number, edges: Edge[], rng: RngState): Point[] {
  const graph = toGraph(n, edges);
  graph.forEachNode((node) => {
    graph.mergeNodeAttributes(node, { x: nextFloat(rng) * 100, y: nextFloat(rng) * 100 });
  });
  const layout = forceAtlas2(graph, {
    iterations: 80,
    settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: n > 300 },
  });
  return normalise(range(n).map((i) => layout[String(i)] ?? { x: 0, y: 0 }));
}

export function toGraph(n: number, edges: readonly (readonly [NodeId, NodeId])[]): Graph {
  const graph = new Graph({ type: "undirected", multi: false });
  for (let i = 0; i < n; i++) graph.addNode(String(i));
  for (const [a, b] of edges) graph.mergeEdge(String(a), String(b));
  return graph;
}

function normalise(points: Point[]): Point[] {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [minX, maxX, minY, maxY] = [
    Math.min(...xs),
    Math.max(...xs),
    Math.min(...ys),
    Math.max(...ys),
  ];
  const scale = Math.max(maxX - minX, maxY - minY) || 1;
  return points.map((p) => ({
    x: 0.5 + (p.x - (minX + maxX) / 2) / scale,
    y: 0.5 + (p.y - (minY + maxY) / 2) / scale,
  }));
}

function ringEdges(n: number, reach: number): Edge[] {
  const edges: Edge[] = [];
  for (let i = 0; i < n; i++) {
    for (let step = 1; step <= reach; step++) {
      if (n > 2 * step || (step === 1 && n === 2 && i === 0)) edges.push([i, (i + step) % n]);
    }
  }
  return edges;
}

function circle(n: number): Point[] {
  return range(n).map((i) => {
    const angle = (2 * Math.PI * i) / Math.max(n, 1) - Math.PI / 2;
    return { x: 0.5 + 0.5 * Math.cos(angle), y: 0.5 + 0.5 * Math.sin(angle) };
  });
}

function roundPoint(p: Point): Point {
  return { x: Math.round(p.x * 10000) / 10000, y: Math.round(p.y * 10000) / 10000 };
}

/**
 * Decisions compare squared distances: + and × are exact IEEE operations, identical in every
 * JavaScript engine, while Math.hypot may differ in the last bit between browsers (D1).
 */
function distanceSquared(p: Point, q: Point): number {
  const dx = p.x - q.x;
  const dy = p.y - q.y;
  return dx * dx + dy * dy;
}

function range(n: number): number[] {
  return Array.from({ length: Math.max(0, n) }, (_, i) => i);
}
