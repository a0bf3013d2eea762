/**
 * Test helpers for driving routing rounds by hand. Imported by `*.test.ts` files only; nothing in
 * the engine or the apps may depend on it.
 */
import type { RoundEvent, Seat } from "./engine/contract.ts";
import { createRound, type Input, type InputRejection, step } from "./engine/round.ts";
import type { RoutingRound, RoutingTypes } from "./modes/routing/actions.ts";
import { ROUTING_VARIANTS } from "./modes/routing/config.ts";
import { ROUTING_BOTS, routing } from "./modes/routing/index.ts";
import type { Packet } from "./modes/routing/packet.ts";
import { inject, type Message, type NetHooks, type NetState, neighbours } from "./net/network.ts";
import type { NodeId } from "./net/topology.ts";
import { chance, nextInt, nextIntBetween, pick, type RngState } from "./rng.ts";

export type RoutingRoundEvent = RoundEvent<RoutingTypes>;

/** One input before the server stamps it with a tick and a seq. */
export interface Act {
  actor: NodeId | "host";
  action: unknown;
}

export const host = (action: unknown): Act => ({ actor: "host", action });
export const by = (actor: NodeId, action: unknown): Act => ({ actor, action });

/** `n` seats; `bots[i]` (when given) is the bot kind at node i. */
export function seatsOf(n: number, bots: readonly (string | null)[] = []): Seat[] {
  return Array.from({ length: n }, (_, node) => ({ name: `n${node}`, bot: bots[node] ?? null }));
}

/**
 * A routing round with no background traffic and one-tick links on a line, unless `config` says
 * otherwise — so that every packet in it is one the test put there.
 */
export function routingRound(
  config: Record<string, unknown>,
  size: number,
  options: { seed?: number; bots?: readonly (string | null)[] } = {},
): RoutingRound {
  return createRound(
    routing,
    { preset: "line", latency: [1, 1], trafficRate: 0, ...config },
    seatsOf(size, options.bots),
    options.seed ?? 1,
  );
}

const nextSeq = new WeakMap<RoutingRound, number>();

/** Stamps `acts` for the next tick, in the order given. */
export function stamp(round: RoutingRound, acts: readonly Act[]): Input[] {
  let seq = nextSeq.get(round) ?? 1;
  const inputs = acts.map((act) => ({ t: round.tick + 1, seq: seq++, ...act }));
  nextSeq.set(round, seq);
  return inputs;
}

export interface Played {
  rejections: InputRejection[];
  events: RoutingRoundEvent[];
}

/** Plays one tick with `acts` as its inputs. */
export function play(round: RoutingRound, ...acts: Act[]): Played {
  const events: RoutingRoundEvent[] = [];
  const rejections = step(routing, round, stamp(round, acts), (event) => events.push(event));
  return { rejections, events };
}

/** Plays `ticks` ticks without inputs and returns every event of them. */
export function idle(round: RoutingRound, ticks: number): RoutingRoundEvent[] {
  const events: RoutingRoundEvent[] = [];
  for (let i = 0; i < ticks; i++) events.push(...play(round).events);
  return events;
}

/** Routes the only packet at `path[0]` hop by hop along `path`, one link per two ticks. */
export function walk(round: RoutingRound, path: readonly NodeId[]): RoutingRoundEvent[] {
  const events: RoutingRoundEvent[] = [];
  for (let i = 0; i + 1 < path.length; i++) {
    const node = path[i]!;
    const hop = by(node, { type: "forward", packet: onlyEntry(round, node).id, to: path[i + 1] });
    events.push(...play(round, hop).events, ...idle(round, 1));
  }
  return events;
}

/** The messages in a node's inbox. */
export function inboxOf(round: RoutingRound, node: NodeId): Message<Packet>[] {
  return round.net.inbox[node]!;
}

/** The only message in a node's inbox; fails loudly when there is not exactly one. */
export function onlyEntry(round: RoutingRound, node: NodeId): Message<Packet> {
  const inbox = inboxOf(round, node);
  if (inbox.length !== 1) {
    throw new Error(`expected one packet at node ${node}, found ${inbox.length}`);
  }
  return inbox[0]!;
}

/**
 * Puts a fresh packet into `at`'s inbox as the traffic generator would (counted as created and
 * generated; floods registered at their source), with fields chosen by the test.
 */
export function plant(
  round: RoutingRound,
  at: NodeId,
  dst: NodeId,
  fields: Partial<Packet> = {},
): Message<Packet> {
  const game = round.game;
  const packet: Packet = {
    id: game.nextPacketId++,
    src: at,
    dst,
    ttl: game.ttl,
    hops: [at],
    kind: "data",
    seq: null,
    createdAt: round.tick,
    ...fields,
  };
  game.stats.created++;
  game.stats.generated++;
  if (packet.kind === "flood") {
    game.stats.floods[packet.id] = { sent: 0, reached: 1, links: {} };
    game.seenFloods[at]!.push(packet.id);
  }
  const hooks: NetHooks<Packet> = {
    arrive: () => false,
    dropped: (lost) => routing.dropped(round, lost),
    emit: () => {},
  };
  const placed = inject(round.net, hooks, at, packet, round.tick);
  if (typeof placed === "string") throw new Error(`could not plant a packet at ${at}: ${placed}`);
  return placed;
}

/** Where every packet instance went: `created` must equal `accounted` at all times. */
export function ledger(round: RoutingRound): { created: number; accounted: number } {
  const { stats } = round.game;
  const ended = Object.values(stats.ends).reduce((sum, count) => sum + count, 0);
  return { created: stats.created, accounted: stats.arrived + ended + held(round.net) };
}

export function held<P>(net: NetState<P>): number {
  let count = net.inFlight.length;
  for (const queue of net.outbox) count += queue.length;
  for (const inbox of net.inbox) count += inbox.length;
  return count;
}

/**
 * Hop counts to `dst` over live links and nodes, by a breadth-first search written from the raw
 * link list, independently of the engine's, to check its hints (R8) against.
 */
export function hopsTo<P>(net: NetState<P>, dst: NodeId): number[] {
  const open = (a: NodeId, b: NodeId, up: boolean) =>
    up &&
    net.nodeUp[a] === true &&
    net.nodeUp[b] === true &&
    (!net.group || net.group[a] === net.group[b]);
  const hops = net.nodeUp.map(() => -1);
  if (net.nodeUp[dst] !== true) return hops;
  hops[dst] = 0;
  let frontier = [dst];
  for (let distance = 1; frontier.length > 0; distance++) {
    const next: NodeId[] = [];
    for (const link of net.links) {
      for (const [from, to] of [
        [link.a, link.b],
        [link.b, link.a],
      ] as const) {
        if (!frontier.includes(from) || hops[to] !== -1 || !open(from, to, link.up)) continue;
        hops[to] = distance;
        next.push(to);
      }
    }
    frontier = next;
  }
  return hops;
}

/** Shapes no schema accepts, as a player's or the host's input. JSON-safe, so logs round-trip. */
const MALFORMED: unknown[] = [
  null,
  "forward",
  42,
  [],
  {},
  { type: "teleport", packet: 1 },
  { type: "forward", packet: 1 },
  { type: "forward", packet: -1, to: 0 },
  { type: "forward", packet: 1.5, to: 0 },
  { type: "drop", packet: "1" },
  { type: "retransmit", seq: -2 },
  { type: "crash", node: -1 },
  { type: "crash", node: "0" },
  { type: "cut" },
  { type: "set-loss", link: 0, loss: 2 },
  { type: "set-latency", link: null, latency: 0, jitter: 0 },
  { type: "partition", groups: [[0], "1"] },
  { type: "burst", count: 0 },
  { type: "burst", count: 501 },
  { type: "configure", variant: "anycast" },
  { type: "seat", node: 0, name: 7, bot: null },
];

/**
 * D1 fuzzing: random inputs for one tick, valid and invalid, from random actors — the nodes'
 * actions on real and bogus packets and neighbours, the host's faults, bursts, settings and seat
 * changes. Every choice is drawn from `rng`, so a seed replays the same inputs.
 */
export function randomActs(round: RoutingRound, rng: RngState, count: number): Act[] {
  const acts: Act[] = [];
  for (let i = 0; i < count; i++) {
    const roll = nextInt(rng, 100);
    if (roll < 55) acts.push(randomNodeAct(round, rng));
    else if (roll < 62) acts.push({ actor: someNode(round, rng), action: pick(rng, MALFORMED) });
    else if (roll < 66) acts.push(host(pick(rng, MALFORMED)));
    else acts.push(host(randomHostAction(round, rng)));
  }
  return acts;
}

/** A node id, now and then one that does not exist. */
function someNode(round: RoutingRound, rng: RngState): NodeId {
  const nodes = round.seats.length;
  return chance(rng, 0.03) ? nodes + nextInt(rng, 3) : nextInt(rng, nodes);
}

function someLink(round: RoutingRound, rng: RngState): number {
  const links = round.net.links.length;
  return chance(rng, 0.03) || links === 0 ? links + nextInt(rng, 3) : nextInt(rng, links);
}

function randomNodeAct(round: RoutingRound, rng: RngState): Act {
  const actor = someNode(round, rng);
  const own = round.net.inbox[actor] ?? [];
  const anywhere = round.net.inbox.flat();
  const packet =
    own.length > 0 && chance(rng, 0.8)
      ? pick(rng, own).id
      : anywhere.length > 0 && chance(rng, 0.7)
        ? pick(rng, anywhere).id
        : nextInt(rng, round.net.nextMessageId + 2);
  const around = actor < round.seats.length ? neighbours(round.net, actor) : [];
  const to =
    around.length > 0 && chance(rng, 0.85)
      ? pick(rng, around).node
      : nextInt(rng, round.seats.length + 2);
  const unacked = round.game.unacked[actor] ?? [];
  const seq =
    unacked.length > 0 && chance(rng, 0.7) ? pick(rng, unacked).seq : nextIntBetween(rng, 0, 5);
  const action = pick(rng, [
    { type: "forward", packet, to },
    { type: "forward", packet, to },
    { type: "forward", packet, to },
    { type: "flood", packet },
    { type: "drop", packet },
    { type: "retransmit", seq },
  ]);
  return { actor, action };
}

function randomHostAction(round: RoutingRound, rng: RngState): unknown {
  const nodes = round.seats.length;
  switch (nextInt(rng, 13)) {
    case 0:
      return { type: "crash", node: someNode(round, rng) };
    case 1:
    case 2:
      return { type: "restart", node: someNode(round, rng) };
    case 3:
      return { type: "cut", link: someLink(round, rng) };
    case 4:
      return { type: "heal-link", link: someLink(round, rng) };
    case 5:
      return {
        type: "set-loss",
        link: chance(rng, 0.3) ? null : someLink(round, rng),
        loss: pick(rng, [0, 0, 0.1, 0.5, 1]),
      };
    case 6:
      return {
        type: "set-latency",
        link: chance(rng, 0.3) ? null : someLink(round, rng),
        latency: nextIntBetween(rng, 1, 8),
        jitter: nextInt(rng, 4),
      };
    case 7: {
      const groups = Array.from({ length: nextIntBetween(rng, 1, 3) }, () =>
        Array.from({ length: nextInt(rng, Math.max(1, nodes / 2)) }, () => someNode(round, rng)),
      );
      return { type: "partition", groups: chance(rng, 0.5) ? dedupeGroups(groups) : groups };
    }
    case 8:
    case 9:
      return { type: "heal-all" };
    case 10:
      return { type: "burst", count: nextIntBetween(rng, 1, 12) };
    case 11: {
      const settings: Record<string, unknown> = { type: "configure" };
      if (chance(rng, 0.4)) settings.trafficRate = pick(rng, [0, 1, 5, 20, 50]);
      if (chance(rng, 0.3)) settings.ttl = nextIntBetween(rng, 1, 12);
      if (chance(rng, 0.3)) settings.hints = chance(rng, 0.5);
      if (chance(rng, 0.3)) settings.variant = pick(rng, ROUTING_VARIANTS);
      if (chance(rng, 0.3)) settings.retransmitTimeout = nextIntBetween(rng, 1, 40);
      return settings;
    }
    default:
      return {
        type: "seat",
        node: someNode(round, rng),
        name: `s${nextInt(rng, 100)}`,
        bot: pick(rng, [null, null, ...ROUTING_BOTS, "no-such-bot"]),
      };
  }
}

function dedupeGroups(groups: NodeId[][]): NodeId[][] {
  const seen = new Set<NodeId>();
  return groups.map((group) =>
    group.filter((node) => {
      if (seen.has(node)) return false;
      seen.add(node);
      return true;
    }),
  );
}
