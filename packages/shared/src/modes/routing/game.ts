import type { NodeId } from "../../net/topology.ts";
import type { RngState } from "../../rng.ts";
import type { Packet, PacketEnd } from "./packet.ts";
import { createTimeline, type Timeline } from "./timeline.ts";

/** R7: a data packet its sender is waiting to hear an ack for. */
export interface Unacked {
  seq: number;
  id: number;
  dst: NodeId;
  sentAt: number;
  timeoutAt: number;
  tries: number;
}

/** Something a router is told rather than asks about: an ICMP "time exceeded" (R3), an ack. */
export interface Notice {
  kind: "ttl-exceeded" | "delivered" | "acked";
  packet: number;
  at: NodeId;
  tick: number;
}

export interface FloodRecord {
  /** Copies put on links. */
  sent: number;
  /** Distinct nodes the flood reached. */
  reached: number;
  /** Copies per link (R6 link stress). */
  links: Record<number, number>;
}

export interface RoutingStats {
  /** Packet instances ever created: generated, flood copies, retransmissions, acks. */
  created: number;
  /** Packets the traffic generator (or a burst) made. */
  generated: number;
  /** Unique data packets that reached their destination (R4). */
  delivered: number;
  /** Packet instances that ended at a destination, including acks and duplicates. */
  arrived: number;
  ends: Record<PacketEnd, number>;
  /** Ticks from creation to delivery, one per unique delivery. */
  latencies: number[];
  /** Sum and count of hops taken over shortest possible hops (R9 stretch). */
  stretchSum: number;
  stretchCount: number;
  floods: Record<number, FloodRecord>;
  retransmits: number;
  /** R9: deliveries and losses over the round's time. */
  timeline: Timeline;
}

/** The routing mode's part of the round state (D1: plain data). */
export interface RoutingGame {
  /** Traffic has its own stream so that the shortest-path baseline sees the same packets (R9). */
  trafficRng: RngState;
  /** Fractional packets the generator still owes. */
  trafficDebt: number;
  nextPacketId: number;
  /** R1: the hop limit new packets get. */
  ttl: number;
  diameter: number;
  score: number[];
  /** R5: message ids each router recently acted on, to explain a second attempt. */
  handled: number[][];
  /** R6: flood ids each node has seen. */
  seenFloods: number[][];
  /** R7 */
  nextSeq: number[];
  unacked: Unacked[][];
  /** R7: per node, the (sender, seq) pairs it has received, newest last. */
  received: [NodeId, number][][];
  /** R4: packet ids delivered, so no packet is delivered twice. */
  deliveredIds: Record<number, true>;
  notices: Notice[][];
  stats: RoutingStats;
}

export const NOTICE_LIMIT = 5;
export const HANDLED_LIMIT = 32;
export const SEEN_LIMIT = 256;
export const RECEIVED_LIMIT = 64;

export function createRoutingGame(
  nodes: number,
  ttl: number,
  diameter: number,
  trafficRng: RngState,
): RoutingGame {
  const perNode = <T>(make: () => T): T[] => Array.from({ length: nodes }, make);
  return {
    trafficRng,
    trafficDebt: 0,
    nextPacketId: 1,
    ttl,
    diameter,
    score: perNode(() => 0),
    handled: perNode(() => []),
    seenFloods: perNode(() => []),
    nextSeq: perNode(() => 1),
    unacked: perNode(() => []),
    received: perNode(() => []),
    deliveredIds: {},
    notices: perNode(() => []),
    stats: {
      created: 0,
      generated: 0,
      delivered: 0,
      arrived: 0,
      ends: {
        loss: 0,
        ttl: 0,
        "queue-full": 0,
        "link-down": 0,
        "node-down": 0,
        partition: 0,
        discard: 0,
        duplicate: 0,
      },
      latencies: [],
      stretchSum: 0,
      stretchCount: 0,
      floods: {},
      retransmits: 0,
      timeline: createTimeline(),
    },
  };
}

/** Appends to a bounded list, forgetting the oldest entries. */
export function remember<T>(list: T[], item: T, limit: number): void {
  list.push(item);
  if (list.length > limit) list.splice(0, list.length - limit);
}

export type { Packet };
