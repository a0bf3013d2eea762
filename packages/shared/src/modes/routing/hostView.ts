import { isUp, linkBlock, messagesHeld } from "../../net/network.ts";
import type { NodeId } from "../../net/topology.ts";
import type { RoutingRound } from "./actions.ts";
import type { RoutingVariant } from "./config.ts";
import type { PacketEnd, PacketKind } from "./packet.ts";
import { deliveryRate } from "./view.ts";

export interface HostNode {
  node: NodeId;
  name: string;
  bot: string | null;
  up: boolean;
  x: number;
  y: number;
  inbox: number;
  score: number;
  /** N5: partition group, 0 when whole. */
  group: number;
}

export interface HostLink {
  link: number;
  a: NodeId;
  b: NodeId;
  up: boolean;
  blocked: "link-down" | "partition" | null;
  latency: number;
  jitter: number;
  loss: number;
  load: number;
}

export interface FlyingPacket {
  message: number;
  id: number;
  kind: PacketKind;
  from: NodeId;
  to: NodeId;
  sentAt: number;
  arriveAt: number;
}

/** N7: a fault in force now, with the fallacy it disproves (a message key). */
export interface ActiveFault {
  kind: "crash" | "cut" | "partition" | "loss" | "latency";
  fallacy: string;
  count: number;
}

export interface RoutingHostView {
  tick: number;
  variant: RoutingVariant;
  ttl: number;
  trafficRate: number;
  hints: boolean;
  nodes: HostNode[];
  links: HostLink[];
  packets: FlyingPacket[];
  counters: {
    generated: number;
    created: number;
    delivered: number;
    held: number;
    deliveryRate: number;
    ends: Record<PacketEnd, number>;
  };
  faults: ActiveFault[];
}

export function hostView(round: RoutingRound): RoutingHostView {
  const { net, game, config } = round;
  const links = net.links.map(
    (link, id): HostLink => ({
      link: id,
      a: link.a,
      b: link.b,
      up: link.up,
      blocked: linkBlock(net, id),
      latency: link.latency,
      jitter: link.jitter,
      loss: link.loss,
      load: net.carried[id]!,
    }),
  );
  return {
    tick: round.tick,
    variant: config.variant,
    ttl: game.ttl,
    trafficRate: config.trafficRate,
    hints: config.hints,
    nodes: round.seats.map((seat, node) => ({
      node,
      name: seat.name,
      bot: seat.bot,
      up: isUp(net, node),
      x: net.positions[node]!.x,
      y: net.positions[node]!.y,
      inbox: net.inbox[node]!.length,
      score: game.score[node]!,
      group: net.group?.[node] ?? 0,
    })),
    links,
    packets: net.inFlight.map((message) => ({
      message: message.id,
      id: message.payload.id,
      kind: message.payload.kind,
      from: message.from,
      to: message.to,
      sentAt: message.sentAt,
      arriveAt: message.arriveAt,
    })),
    counters: {
      generated: game.stats.generated,
      created: game.stats.created,
      delivered: game.stats.delivered,
      held: messagesHeld(net),
      deliveryRate: deliveryRate(round),
      ends: { ...game.stats.ends },
    },
    faults: activeFaults(round),
  };
}

function activeFaults(round: RoutingRound): ActiveFault[] {
  const net = round.net;
  const crashed = net.nodeUp.filter((up) => !up).length;
  const cut = net.links.filter((link) => !link.up).length;
  const lossy = net.links.filter((link, id) => link.loss > net.baseline[id]!.loss).length;
  const slow = net.links.filter(
    (link, id) =>
      link.latency > net.baseline[id]!.latency || link.jitter > net.baseline[id]!.jitter,
  ).length;
  const faults: ActiveFault[] = [
    { kind: "crash", fallacy: "fallacy.topology", count: crashed },
    { kind: "cut", fallacy: "fallacy.topology", count: cut },
    { kind: "partition", fallacy: "fallacy.reliable", count: net.group ? 1 : 0 },
    { kind: "loss", fallacy: "fallacy.reliable", count: lossy },
    { kind: "latency", fallacy: "fallacy.latency", count: slow },
  ];
  return faults.filter((fault) => fault.count > 0);
}
