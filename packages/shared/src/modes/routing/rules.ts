import type { Rejection } from "../../engine/contract.ts";
import {
  type Drop,
  linkBetween,
  linkBlock,
  type Message,
  neighbours,
  send,
} from "../../net/network.ts";
import type { NodeId } from "../../net/topology.ts";
import type { RoutingAction, RoutingCtx, RoutingRound } from "./actions.ts";
import {
  HANDLED_LIMIT,
  NOTICE_LIMIT,
  type Notice,
  RECEIVED_LIMIT,
  remember,
  SEEN_LIMIT,
} from "./game.ts";
import type { Packet, PacketEnd } from "./packet.ts";
import { baseDistances } from "./paths.ts";
import { countAt } from "./timeline.ts";
import { originate } from "./traffic.ts";

export function validate(
  round: RoutingRound,
  node: NodeId,
  action: RoutingAction,
): Rejection | null {
  if (action.type === "retransmit") {
    if (round.config.variant !== "reliable") return { rule: "R7", code: "routing.not-reliable" };
    const waiting = round.game.unacked[node]!.some((entry) => entry.seq === action.seq);
    return waiting
      ? null
      : { rule: "R7", code: "routing.not-unacked", params: { seq: action.seq } };
  }
  if (!inboxEntry(round, node, action.packet)) {
    const again = round.game.handled[node]!.includes(action.packet);
    return { rule: "R5", code: again ? "routing.already-handled" : "routing.not-in-inbox" };
  }
  if (action.type !== "forward") return null;
  const link = linkBetween(round.net, node, action.to);
  if (link === undefined) {
    return { rule: "R2", code: "routing.not-a-neighbour", params: { to: action.to } };
  }
  const blocked = linkBlock(round.net, link);
  if (blocked === "link-down")
    return { rule: "N2", code: "routing.link-down", params: { to: action.to } };
  if (blocked === "partition")
    return { rule: "N5", code: "routing.partitioned", params: { to: action.to } };
  return null;
}

export function apply(
  round: RoutingRound,
  node: NodeId,
  action: RoutingAction,
  ctx: RoutingCtx,
): void {
  if (action.type === "retransmit") {
    retransmit(round, node, action.seq, ctx);
    return;
  }
  const inbox = round.net.inbox[node]!;
  const index = inbox.findIndex((message) => message.id === action.packet);
  const [message] = inbox.splice(index, 1) as [Message<Packet>];
  remember(round.game.handled[node]!, message.id, HANDLED_LIMIT);
  const packet = message.payload;
  if (action.type === "drop") end(round, packet, "discard", node, ctx);
  else if (action.type === "forward") forward(round, node, packet, action.to, ctx);
  else {
    // R2: flood to every neighbour except the one it came from.
    const targets = neighbours(round.net, node).filter(
      (next) => message.link < 0 || next.link !== message.link,
    );
    if (targets.length === 0) end(round, packet, "discard", node, ctx);
    round.game.stats.created += Math.max(0, targets.length - 1);
    for (const next of targets) forward(round, node, packet, next.node, ctx);
  }
}

function inboxEntry(
  round: RoutingRound,
  node: NodeId,
  messageId: number,
): Message<Packet> | undefined {
  return round.net.inbox[node]!.find((message) => message.id === messageId);
}

/** R3: one hop costs one TTL; at zero the packet dies here and its source hears of it. */
function forward(
  round: RoutingRound,
  node: NodeId,
  packet: Packet,
  to: NodeId,
  ctx: RoutingCtx,
): void {
  const ttl = packet.ttl - 1;
  if (ttl <= 0) {
    end(round, packet, "ttl", node, ctx);
    notify(round, packet.src, {
      kind: "ttl-exceeded",
      packet: packet.id,
      at: node,
      tick: ctx.tick,
    });
    return;
  }
  const sent = send(
    round.net,
    ctx.net,
    node,
    to,
    { ...packet, ttl, hops: [...packet.hops, to] },
    ctx.tick,
  );
  if (typeof sent === "string") return; // the network dropped it and `dropped` accounted for it
  const stats = round.game.stats;
  if (packet.kind === "flood") {
    const flood = stats.floods[packet.id];
    if (flood) {
      flood.sent++;
      flood.links[sent.link] = (flood.links[sent.link] ?? 0) + 1;
    }
  }
}

function retransmit(round: RoutingRound, node: NodeId, seq: number, ctx: RoutingCtx): void {
  const game = round.game;
  const entry = game.unacked[node]!.find((waiting) => waiting.seq === seq)!;
  entry.tries++;
  entry.sentAt = ctx.tick;
  // Exponential backoff, as TCP does: a congested network is not made faster by sending more.
  entry.timeoutAt = ctx.tick + round.config.retransmitTimeout * 2 ** Math.min(entry.tries - 1, 3);
  game.stats.retransmits++;
  const packet: Packet = {
    id: entry.id,
    src: node,
    dst: entry.dst,
    ttl: game.ttl,
    hops: [node],
    kind: "data",
    seq,
    createdAt: ctx.tick,
  };
  originate(round, node, packet, ctx);
}

/** N3, R4, R6: a packet reached `message.to`; true when it was consumed there. */
export function arrive(round: RoutingRound, message: Message<Packet>, ctx: RoutingCtx): boolean {
  const packet = message.payload;
  const node = message.to;
  if (packet.kind === "flood") {
    const seen = round.game.seenFloods[node]!;
    if (seen.includes(packet.id)) {
      end(round, packet, "duplicate", node, ctx);
      return true;
    }
    // N3: a copy that the full inbox is about to drop never reached this node.
    const full = round.net.inbox[node]!.length >= round.net.inboxLimit;
    if (full && packet.dst !== node) return false;
    remember(seen, packet.id, SEEN_LIMIT);
    const flood = round.game.stats.floods[packet.id];
    if (flood) flood.reached++;
  }
  if (packet.dst !== node) return false;
  deliver(round, node, packet, ctx);
  return true;
}

function deliver(round: RoutingRound, node: NodeId, packet: Packet, ctx: RoutingCtx): void {
  const game = round.game;
  const stats = game.stats;
  const duplicate = game.deliveredIds[packet.id] === true;
  if (duplicate) end(round, packet, "duplicate", node, ctx);
  else {
    stats.arrived++;
    game.deliveredIds[packet.id] = true;
    // R4: every router that forwarded it scores.
    for (const router of new Set(packet.hops.slice(0, -1))) game.score[router]!++;
    ctx.emit({ type: "delivered", packet, node });
  }
  if (packet.kind === "ack") {
    const unacked = game.unacked[node]!;
    const index = unacked.findIndex((entry) => entry.seq === packet.seq);
    if (index < 0) return;
    // R7: the sender is told which of its own packets got through; the ack's id means nothing to it.
    const [entry] = unacked.splice(index, 1);
    notify(round, node, { kind: "acked", packet: entry!.id, at: packet.src, tick: ctx.tick });
    return;
  }
  if (!duplicate) {
    stats.delivered++;
    countAt(stats.timeline, ctx.tick, "delivered");
    stats.latencies.push(ctx.tick - packet.createdAt);
    const shortest = baseDistances(round.net, packet.dst)[packet.src]!;
    if (shortest > 0) {
      stats.stretchSum += (packet.hops.length - 1) / shortest;
      stats.stretchCount++;
    }
    // R7: in the reliable round only an ack tells the sender; anything else is global knowledge.
    if (packet.seq === null) {
      notify(round, packet.src, { kind: "delivered", packet: packet.id, at: node, tick: ctx.tick });
    }
  }
  if (packet.seq !== null) {
    // R7: the receiver acks every copy, duplicates too — the sender may have lost the first ack.
    if (!duplicate) remember(game.received[node]!, [packet.src, packet.seq], RECEIVED_LIMIT);
    originate(round, node, ackFor(round, node, packet), ctx);
  }
}

function ackFor(round: RoutingRound, node: NodeId, data: Packet): Packet {
  return {
    id: round.game.nextPacketId++,
    src: node,
    dst: data.src,
    ttl: round.game.ttl,
    hops: [node],
    kind: "ack",
    seq: data.seq,
    createdAt: round.tick,
  };
}

/** N6: the network lost a packet. */
export function dropped(round: RoutingRound, drop: Drop<Packet>): void {
  round.game.stats.ends[drop.cause]++;
  countAt(round.game.stats.timeline, round.tick, "lost");
}

function end(
  round: RoutingRound,
  packet: Packet,
  cause: PacketEnd,
  node: NodeId,
  ctx: RoutingCtx,
): void {
  round.game.stats.ends[cause]++;
  if (cause !== "duplicate") countAt(round.game.stats.timeline, ctx.tick, "lost");
  if (cause === "ttl") round.net.drops.ttl++;
  ctx.emit({ type: "ended", packet, node, end: cause });
}

function notify(round: RoutingRound, node: NodeId, notice: Notice): void {
  remember(round.game.notices[node]!, notice, NOTICE_LIMIT);
}

/** N4: a router's volatile memory is gone after a crash; its score is not. */
export function crashed(round: RoutingRound, node: NodeId): void {
  const game = round.game;
  game.handled[node] = [];
  game.seenFloods[node] = [];
  game.unacked[node] = [];
  game.received[node] = [];
  game.notices[node] = [];
}
