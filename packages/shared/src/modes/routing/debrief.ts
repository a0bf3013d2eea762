import { TICKS_PER_SECOND } from "../../engine/time.ts";
import type { NodeId } from "../../net/topology.ts";
import type { RoutingRound } from "./actions.ts";
import type { PacketEnd } from "./packet.ts";
import { type Timeline, timelineTo } from "./timeline.ts";
import { deliveryRate } from "./view.ts";

export interface LatencySummary {
  /** Ticks. */
  p50: number;
  p95: number;
  max: number;
  mean: number;
  /** Deliveries per one-second bucket: `counts[i]` took i to i+1 seconds. */
  histogram: number[];
}

/** R9: the figures of a routing round, for the debrief screen. */
export interface RoutingDebrief {
  ticks: number;
  generated: number;
  delivered: number;
  deliveryRate: number;
  latency: LatencySummary | null;
  ends: Record<PacketEnd, number>;
  /** Mean of hops taken over shortest possible hops; 1 is perfect. */
  stretch: number | null;
  hottestLinks: { link: number; a: NodeId; b: NodeId; carried: number }[];
  /** R6: for flood rounds, copies sent and nodes reached per flood, and per-link repetition. */
  floods: {
    count: number;
    messagesPerFlood: number;
    nodesReachedPerFlood: number;
    /** The most copies of one flood that one link carried. */
    maxLinkStress: number;
    meanLinkStress: number;
  } | null;
  topRouters: { node: NodeId; name: string; score: number }[];
  retransmits: number;
  /** Packets delivered and lost per bucket from the first tick to the last (the last may be short). */
  timeline: Timeline;
}

export function debrief(round: RoutingRound): RoutingDebrief {
  const { stats, score } = round.game;
  return {
    ticks: round.tick,
    generated: stats.generated,
    delivered: stats.delivered,
    deliveryRate: deliveryRate(round),
    latency: summarise(stats.latencies),
    ends: { ...stats.ends },
    stretch: stats.stretchCount === 0 ? null : stats.stretchSum / stats.stretchCount,
    hottestLinks: round.net.carried
      .map((carried, link) => ({
        link,
        a: round.net.links[link]!.a,
        b: round.net.links[link]!.b,
        carried,
      }))
      .filter((entry) => entry.carried > 0)
      .sort((p, q) => q.carried - p.carried || p.link - q.link)
      .slice(0, 5),
    floods: floodSummary(round),
    topRouters: score
      .map((points, node) => ({ node, name: round.seats[node]!.name, score: points }))
      .sort((p, q) => q.score - p.score || p.node - q.node)
      .slice(0, 5),
    retransmits: stats.retransmits,
    timeline: timelineTo(stats.timeline, round.tick),
  };
}

function summarise(latencies: readonly number[]): LatencySummary | null {
  if (latencies.length === 0) return null;
  const sorted = [...latencies].sort((p, q) => p - q);
  const at = (share: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
  const max = sorted[sorted.length - 1]!;
  const histogram = Array.from({ length: Math.floor(max / TICKS_PER_SECOND) + 1 }, () => 0);
  for (const ticks of sorted) histogram[Math.floor(ticks / TICKS_PER_SECOND)]!++;
  return {
    p50: at(0.5),
    p95: at(0.95),
    max,
    mean: sorted.reduce((sum, ticks) => sum + ticks, 0) / sorted.length,
    histogram,
  };
}

function floodSummary(round: RoutingRound): RoutingDebrief["floods"] {
  const floods = Object.values(round.game.stats.floods);
  if (floods.length === 0) return null;
  const stresses = floods.flatMap((flood) => Object.values(flood.links));
  return {
    count: floods.length,
    messagesPerFlood: floods.reduce((sum, flood) => sum + flood.sent, 0) / floods.length,
    nodesReachedPerFlood: floods.reduce((sum, flood) => sum + flood.reached, 0) / floods.length,
    maxLinkStress: Math.max(0, ...stresses),
    meanLinkStress:
      stresses.length === 0
        ? 0
        : stresses.reduce((sum, copies) => sum + copies, 0) / stresses.length,
  };
}
