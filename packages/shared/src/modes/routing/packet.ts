import type { NodeId } from "../../net/topology.ts";

export type PacketKind = "data" | "ack" | "flood";

/** R1: what travels. One instance per copy; flood copies share `id`, retransmissions share `seq`. */
export interface Packet {
  id: number;
  src: NodeId;
  dst: NodeId;
  ttl: number;
  /** Nodes the packet has been at, starting with `src`. */
  hops: NodeId[];
  kind: PacketKind;
  /** R7: per-sender sequence number of a data packet, and the number an ack acknowledges. */
  seq: number | null;
  createdAt: number;
}

/**
 * Why a packet ended without delivery: a network cause (N6) or the router's own choice, in the
 * order the debrief lists them. Written out rather than spread from DROP_CAUSES so that a client
 * importing this file does not take net/network.ts with it; `dropped` (rules.ts) fails to compile
 * if a DropCause is missing here.
 */
export const PACKET_ENDS = [
  "loss",
  "ttl",
  "queue-full",
  "link-down",
  "node-down",
  "partition",
  "discard",
  "duplicate",
] as const;
export type PacketEnd = (typeof PACKET_ENDS)[number];
