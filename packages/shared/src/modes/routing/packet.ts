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

/** Why a packet ended without delivery: a network cause (N6) or the router's own choice. */
export type PacketEnd =
  | "loss"
  | "ttl"
  | "queue-full"
  | "link-down"
  | "node-down"
  | "partition"
  | "discard"
  | "duplicate";
