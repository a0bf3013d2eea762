import type { Link, NodeId, Point, Topology } from "../../net/topology.ts";
import { nextIntBetween, type RngState } from "../../rng.ts";
import type { ElectionConfig } from "./config.ts";

/**
 * The class split into clusters of about `size` (null: one cluster of everyone), in blocks of
 * consecutive nodes. round(n / size) clusters keep every cluster within half a size of the
 * setting: 23 students in fives make 5, 5, 5, 4, 4.
 */
export function clusterMembers(nodes: number, size: number | null): NodeId[][] {
  const count = size === null ? 1 : Math.max(1, Math.round(nodes / size));
  const members: NodeId[][] = [];
  let next = 0;
  for (let cluster = 0; cluster < count; cluster++) {
    const share = Math.floor(nodes / count) + (cluster < nodes % count ? 1 : 0);
    members.push(Array.from({ length: share }, () => next++));
  }
  return members;
}

/**
 * §3.2: every cluster is a full mesh of its own (Raft servers talk to all their peers), with no
 * links between clusters. Clusters sit in a grid, each drawn as a circle.
 */
export function clusterTopology(
  members: readonly (readonly NodeId[])[],
  config: Pick<ElectionConfig, "latency" | "jitter" | "loss" | "capacity">,
  rng: RngState,
): Topology {
  const nodes = members.reduce((sum, cluster) => sum + cluster.length, 0);
  const positions: Point[] = Array.from({ length: nodes }, () => ({ x: 0.5, y: 0.5 }));
  const columns = Math.ceil(Math.sqrt(members.length));
  const rows = Math.ceil(members.length / columns);
  const cell = 1 / Math.max(columns, rows);
  const links: Link[] = [];
  members.forEach((cluster, index) => {
    const centre = {
      x: ((index % columns) + 0.5) / columns,
      y: (Math.floor(index / columns) + 0.5) / rows,
    };
    cluster.forEach((node, k) => {
      const angle = (2 * Math.PI * k) / cluster.length - Math.PI / 2;
      const radius = cluster.length === 1 ? 0 : 0.38 * cell;
      positions[node] = {
        x: Math.round((centre.x + radius * Math.cos(angle)) * 10000) / 10000,
        y: Math.round((centre.y + radius * Math.sin(angle)) * 10000) / 10000,
      };
      for (const other of cluster.slice(k + 1)) {
        links.push({
          a: node,
          b: other,
          latency: nextIntBetween(rng, config.latency[0], config.latency[1]),
          jitter: config.jitter,
          loss: config.loss,
          capacity: config.capacity,
          up: true,
        });
      }
    });
  });
  return { positions, links };
}
