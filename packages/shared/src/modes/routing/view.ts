import { direction, isUp, linkBlock, type Message, neighbours } from "../../net/network.ts";
import type { NodeId } from "../../net/topology.ts";
import type { RoutingRound } from "./actions.ts";
import type { RoutingVariant } from "./config.ts";
import type { Notice, Unacked } from "./game.ts";
import type { Packet, PacketKind } from "./packet.ts";
import { liveDistances } from "./paths.ts";

export interface InboxPacket {
  /** The inbox entry an action names. */
  entry: number;
  id: number;
  src: NodeId;
  dst: NodeId;
  ttl: number;
  kind: PacketKind;
  seq: number | null;
  /** Ticks since it arrived here. */
  age: number;
  /** The neighbour it came from; null when it started here. */
  from: NodeId | null;
  /**
   * R8: hops to `dst` through each neighbour, in the order of `neighbours` (-1: no route); null
   * while hints are off.
   */
  hints: number[] | null;
}

export interface NeighbourView {
  node: NodeId;
  link: number;
  /** The router sees its own link's carrier: false while cut or partitioned. */
  up: boolean;
  /** R2: the latency it measured on this link, in ticks; -1 before anything arrived. */
  latency: number;
  /** R2: of its recent transmissions on this link, how many arrived. */
  acked: number;
  sent: number;
  /** Unit vector towards the neighbour, for drawing it in its real direction. */
  dx: number;
  dy: number;
}

/** D4: everything one router may know — and nothing more. */
export interface RoutingView {
  node: NodeId;
  tick: number;
  up: boolean;
  variant: RoutingVariant;
  ttl: number;
  inbox: InboxPacket[];
  inboxLimit: number;
  neighbours: NeighbourView[];
  score: number;
  /** The class's share of packets delivered so far (a public scoreboard figure). */
  deliveryRate: number;
  unacked: Unacked[];
  received: { src: NodeId; seq: number }[];
  seenFloods: number[];
  notices: Notice[];
}

/** D5: what a routing bot reads — a part of RoutingView, so a full view works for a bot too. */
export interface RoutingBotView {
  node: NodeId;
  tick: number;
  variant: RoutingVariant;
  /** Only the head of the inbox: a bot handles the oldest packet first. */
  inbox: InboxPacket[];
  neighbours: Carrier[];
  unacked: Unacked[];
}

/** A neighbour and whether the link to it carries (N2, N5). */
type Carrier = Pick<NeighbourView, "node" | "link" | "up">;

export function botView(round: RoutingRound, node: NodeId): RoutingBotView | null {
  const { net, game } = round;
  const head = net.inbox[node]![0];
  const unacked = game.unacked[node]!;
  if (!head && !unacked.some((entry) => entry.timeoutAt <= round.tick)) return null;
  const around = carriers(round, node);
  return {
    node,
    tick: round.tick,
    variant: round.config.variant,
    // R8: a bot always gets the hints, since a bot runs a routing protocol.
    inbox: head ? [inboxPacket(round, head, around)] : [],
    neighbours: around,
    unacked: unacked.map((entry) => ({ ...entry })),
  };
}

function carriers(round: RoutingRound, node: NodeId): Carrier[] {
  return neighbours(round.net, node).map(({ node: other, link }) => ({
    node: other,
    link,
    up: linkBlock(round.net, link) === null,
  }));
}

/** One inbox entry as its router sees it; `hintsOver` lists the neighbours to hint, if any. */
function inboxPacket(
  round: RoutingRound,
  message: Message<Packet>,
  hintsOver: readonly Carrier[] | null,
): InboxPacket {
  const packet = message.payload;
  const distances = hintsOver && liveDistances(round.net, packet.dst);
  return {
    entry: message.id,
    id: packet.id,
    src: packet.src,
    dst: packet.dst,
    ttl: packet.ttl,
    kind: packet.kind,
    seq: packet.seq,
    age: round.tick - message.arriveAt,
    from: message.link < 0 ? null : message.from,
    hints: distances
      ? hintsOver.map((next) => {
          const hops = next.up ? distances[next.node]! : -1;
          return hops < 0 ? -1 : hops + 1;
        })
      : null,
  };
}

export function view(round: RoutingRound, node: NodeId): RoutingView {
  const { net, game } = round;
  const hinted = round.config.hints || round.seats[node]?.bot != null;
  const around = carriers(round, node);
  const here = net.positions[node]!;
  return {
    node,
    tick: round.tick,
    up: isUp(net, node),
    variant: round.config.variant,
    ttl: game.ttl,
    inbox: net.inbox[node]!.map((message) => inboxPacket(round, message, hinted ? around : null)),
    inboxLimit: net.inboxLimit,
    neighbours: around.map(({ node: other, link, up }) => {
      const slot = direction(net, link, node);
      const recent = net.health[slot]!;
      const there = net.positions[other]!;
      const length = Math.hypot(there.x - here.x, there.y - here.y) || 1;
      return {
        node: other,
        link,
        up,
        latency: net.measured[slot]!,
        acked: recent.reduce((sum, outcome) => sum + outcome, 0),
        sent: recent.length,
        dx: (there.x - here.x) / length,
        dy: (there.y - here.y) / length,
      };
    }),
    score: game.score[node]!,
    deliveryRate: deliveryRate(round),
    unacked: game.unacked[node]!.map((entry) => ({ ...entry })),
    received: game.received[node]!.map(([src, seq]) => ({ src, seq })),
    seenFloods: [...game.seenFloods[node]!],
    notices: game.notices[node]!.map((notice) => ({ ...notice })),
  };
}

export function deliveryRate(round: RoutingRound): number {
  const { generated, delivered } = round.game.stats;
  return generated === 0 ? 0 : delivered / generated;
}
