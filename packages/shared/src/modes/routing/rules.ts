import * as v from "valibot";
import type { Rejection, Round, TickCtx } from "../../engine/contract.ts";
import {
  type Drop,
  inject,
  linkBetween,
  linkBlock,
  type Message,
  neighbours,
  send,
} from "../../net/network.ts";
import type { NodeId } from "../../net/topology.ts";
import { nextInt } from "../../rng.ts";
import { ROUTING_VARIANTS, type RoutingConfig } from "./config.ts";
import {
  HANDLED_LIMIT,
  NOTICE_LIMIT,
  type Notice,
  RECEIVED_LIMIT,
  type RoutingGame,
  remember,
  SEEN_LIMIT,
} from "./game.ts";
import type { Packet, PacketEnd } from "./packet.ts";
import { baseDistances } from "./paths.ts";

export interface RoutingTypes {
  config: RoutingConfig;
  game: RoutingGame;
  action: RoutingAction;
  hostAction: RoutingHostAction;
  view: import("./view.ts").RoutingView;
  botView: import("./view.ts").RoutingBotView;
  hostView: import("./view.ts").RoutingHostView;
  payload: Packet;
  event: RoutingEvent;
  debrief: import("./debrief.ts").RoutingDebrief;
}

export type RoutingRound = Round<RoutingTypes>;
export type RoutingCtx = TickCtx<RoutingTypes>;

/** Emitted for the projector and the phones to animate; never part of the state. */
export type RoutingEvent =
  | { type: "created"; packet: Packet; node: NodeId }
  | { type: "delivered"; packet: Packet; node: NodeId }
  | { type: "ended"; packet: Packet; node: NodeId; end: PacketEnd };

const id = v.pipe(v.number(), v.integer(), v.minValue(0));

/** R2, R7: what a router can do. `packet` is the id of an inbox entry. */
export const routingActionSchema = v.variant("type", [
  v.object({ type: v.literal("forward"), packet: id, to: id }),
  v.object({ type: v.literal("flood"), packet: id }),
  v.object({ type: v.literal("drop"), packet: id }),
  v.object({ type: v.literal("retransmit"), seq: id }),
]);
export type RoutingAction = v.InferOutput<typeof routingActionSchema>;

/** N7 "traffic burst" and the settings a teacher may change mid-round. */
export const routingHostActionSchema = v.variant("type", [
  v.object({
    type: v.literal("burst"),
    count: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)),
  }),
  v.object({
    type: v.literal("configure"),
    trafficRate: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1000))),
    ttl: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(255))),
    hints: v.optional(v.boolean()),
    variant: v.optional(v.picklist(ROUTING_VARIANTS)),
    retransmitTimeout: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(6000))),
  }),
]);
export type RoutingHostAction = v.InferOutput<typeof routingHostActionSchema>;

/** Ticks per second (D7); traffic rates are per second. */
const TICKS_PER_SECOND = 10;

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

/** A packet appears at a node: from the traffic generator, a retransmission or an ack. */
function originate(round: RoutingRound, node: NodeId, packet: Packet, ctx: RoutingCtx): boolean {
  round.game.stats.created++;
  const placed = inject(round.net, ctx.net, node, packet, ctx.tick);
  if (typeof placed !== "string") ctx.emit({ type: "created", packet, node });
  return typeof placed !== "string";
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
}

function end(
  round: RoutingRound,
  packet: Packet,
  cause: PacketEnd,
  node: NodeId,
  ctx: RoutingCtx,
): void {
  round.game.stats.ends[cause]++;
  if (cause === "ttl") round.net.drops.ttl++;
  ctx.emit({ type: "ended", packet, node, end: cause });
}

function notify(round: RoutingRound, node: NodeId, notice: Notice): void {
  remember(round.game.notices[node]!, notice, NOTICE_LIMIT);
}

/** The traffic generator: `trafficRate` packets a second between random pairs of nodes. */
export function tick(round: RoutingRound, ctx: RoutingCtx): void {
  const game = round.game;
  game.trafficDebt += round.config.trafficRate / TICKS_PER_SECOND;
  while (game.trafficDebt >= 1) {
    game.trafficDebt -= 1;
    generate(round, ctx);
  }
}

export function generate(round: RoutingRound, ctx: RoutingCtx): void {
  const game = round.game;
  const nodes = round.seats.length;
  if (nodes < 2) return;
  const src = nextInt(game.trafficRng, nodes);
  const pick = nextInt(game.trafficRng, nodes - 1);
  const dst = pick >= src ? pick + 1 : pick;
  const variant = round.config.variant;
  const packet: Packet = {
    id: game.nextPacketId++,
    src,
    dst,
    ttl: game.ttl,
    hops: [src],
    kind: variant === "flood" ? "flood" : "data",
    seq: variant === "reliable" ? game.nextSeq[src]!++ : null,
    createdAt: ctx.tick,
  };
  game.stats.generated++;
  // A packet that cannot even start (its source is down or full) is counted as a drop, nothing else.
  if (!originate(round, src, packet, ctx)) return;
  if (packet.kind === "flood") {
    game.stats.floods[packet.id] = { sent: 0, reached: 1, links: {} };
    remember(game.seenFloods[src]!, packet.id, SEEN_LIMIT);
  }
  if (packet.seq === null) return;
  game.unacked[src]!.push({
    seq: packet.seq,
    id: packet.id,
    dst,
    sentAt: ctx.tick,
    timeoutAt: ctx.tick + round.config.retransmitTimeout,
    tries: 1,
  });
}

export function validateHost(round: RoutingRound, action: RoutingHostAction): Rejection | null {
  if (action.type === "burst" && round.seats.length < 2) {
    return { rule: "N7", code: "routing.burst-needs-two-nodes" };
  }
  return null;
}

export function applyHost(round: RoutingRound, action: RoutingHostAction, ctx: RoutingCtx): void {
  if (action.type === "burst") {
    for (let i = 0; i < action.count; i++) generate(round, ctx);
    return;
  }
  const { type: _, ttl, ...settings } = action;
  Object.assign(
    round.config,
    Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined)),
  );
  if (ttl !== undefined) {
    round.config.ttl = ttl;
    round.game.ttl = ttl;
  }
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
