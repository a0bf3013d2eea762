import { chance, nextInt, type RngState } from "../rng.ts";
import type { Link, LinkId, NodeId, Point, Topology } from "./topology.ts";

/** N6: why a message never arrived. */
export const DROP_CAUSES = [
  "loss",
  "ttl",
  "queue-full",
  "link-down",
  "node-down",
  "partition",
] as const;
export type DropCause = (typeof DROP_CAUSES)[number];

export interface Message<P> {
  id: number;
  from: NodeId;
  to: NodeId;
  /** The link it travels; -1 for a message that originated at its node (`inject`). */
  link: LinkId;
  /** Tick it entered the sender's outbound queue. */
  queuedAt: number;
  /** Tick it went on the wire; -1 while it waits in the outbound queue. */
  sentAt: number;
  /** Tick it will arrive; -1 while it waits in the outbound queue. */
  arriveAt: number;
  payload: P;
}

/** The network part of a round's state: plain data, so it hashes, clones and replays (D1). */
export interface NetState<P> {
  positions: Point[];
  links: Link[];
  /** Link settings at the start of the round; "heal all" returns to them. */
  baseline: Pick<Link, "latency" | "jitter" | "loss">[];
  nodeUp: boolean[];
  /** N5: partition group of each node, or null when the network is whole. */
  group: number[] | null;
  /** N3: per directed link (2 × link, +1 when sent from `b`), the messages waiting to go out. */
  outbox: Message<P>[][];
  inFlight: Message<P>[];
  /** N3: bounded per node. */
  inbox: Message<P>[][];
  inboxLimit: number;
  outboxLimit: number;
  nextMessageId: number;
  /** Bumps whenever reachability changes (a crash, a cut, a partition); caches key on it. */
  version: number;
  drops: Record<DropCause, number>;
  /**
   * R2: what a sender learns from link-layer acks, per directed link slot: the outcomes of its
   * recent transmissions (1 arrived, 0 lost), newest last, and the latency it last measured.
   */
  health: number[][];
  measured: number[];
  /** Messages each link has put on the wire, both directions together. */
  carried: number[];
}

/** How many recent transmissions a link's health remembers. */
export const HEALTH_WINDOW = 8;

/** N6: a lost message — where, why, and the message itself when it had been sent. */
export interface Drop<P> {
  cause: DropCause;
  node: NodeId;
  link: LinkId | null;
  payload: P;
  message: Message<P> | null;
}

export type NetEvent<P> =
  | { type: "transmit"; message: Message<P> }
  | { type: "arrive"; message: Message<P> }
  | ({ type: "drop" } & Drop<P>);

/** What the game mode decides about traffic; the network only carries it. */
export interface NetHooks<P> {
  /** A message reached a live node. Return true when the mode consumed it (it skips the inbox). */
  arrive(message: Message<P>): boolean;
  /** A message was lost on the way (N6). */
  dropped(drop: Drop<P>): void;
  emit(event: NetEvent<P>): void;
}

export interface NetOptions {
  /** @default 8 */
  inboxLimit?: number;
  /** @default 32 */
  outboxLimit?: number;
}

export function createNet<P>(topology: Topology, options: NetOptions = {}): NetState<P> {
  const n = topology.positions.length;
  return {
    positions: topology.positions,
    links: topology.links,
    baseline: topology.links.map(({ latency, jitter, loss }) => ({ latency, jitter, loss })),
    nodeUp: Array.from({ length: n }, () => true),
    group: null,
    outbox: Array.from({ length: topology.links.length * 2 }, () => []),
    inFlight: [],
    inbox: Array.from({ length: n }, () => []),
    inboxLimit: options.inboxLimit ?? 8,
    outboxLimit: options.outboxLimit ?? 32,
    nextMessageId: 1,
    version: 0,
    drops: { loss: 0, ttl: 0, "queue-full": 0, "link-down": 0, "node-down": 0, partition: 0 },
    health: Array.from({ length: topology.links.length * 2 }, () => []),
    measured: Array.from({ length: topology.links.length * 2 }, () => -1),
    carried: Array.from({ length: topology.links.length }, () => 0),
  };
}

export interface Neighbour {
  node: NodeId;
  link: LinkId;
}

const adjacencyCache = new WeakMap<Link[], Neighbour[][]>();

/** The nodes a node has a link to, up or down. Derived from the links, cached per link list. */
export function neighbours<P>(net: NetState<P>, node: NodeId): readonly Neighbour[] {
  let adjacency = adjacencyCache.get(net.links);
  if (!adjacency) {
    adjacency = net.positions.map(() => []);
    net.links.forEach((link, id) => {
      adjacency?.[link.a]?.push({ node: link.b, link: id });
      adjacency?.[link.b]?.push({ node: link.a, link: id });
    });
    adjacencyCache.set(net.links, adjacency);
  }
  return adjacency[node] ?? [];
}

export function linkBetween<P>(net: NetState<P>, a: NodeId, b: NodeId): LinkId | undefined {
  return neighbours(net, a).find((neighbour) => neighbour.node === b)?.link;
}

/** Why a link cannot carry traffic right now, or null when it can (N2, N5). */
export function linkBlock<P>(net: NetState<P>, link: LinkId): "link-down" | "partition" | null {
  const { a, b, up } = net.links[link]!;
  if (!up) return "link-down";
  if (net.group && net.group[a] !== net.group[b]) return "partition";
  return null;
}

export function drop<P>(net: NetState<P>, hooks: NetHooks<P>, lost: Drop<P>): void {
  net.drops[lost.cause]++;
  hooks.dropped(lost);
  hooks.emit({ type: "drop", ...lost });
}

/** Drops a message that was already queued, sent or received. */
function lose<P>(
  net: NetState<P>,
  hooks: NetHooks<P>,
  message: Message<P>,
  cause: DropCause,
  node: NodeId,
): void {
  drop(net, hooks, {
    cause,
    node,
    link: message.link < 0 ? null : message.link,
    payload: message.payload,
    message,
  });
}

/**
 * Queues a message from `from` to its neighbour `to` (N2, N3). Returns the message, or the cause
 * when it is dropped at once: a blocked link or a full outbound queue.
 */
export function send<P>(
  net: NetState<P>,
  hooks: NetHooks<P>,
  from: NodeId,
  to: NodeId,
  payload: P,
  tick: number,
): Message<P> | DropCause {
  const link = linkBetween(net, from, to);
  if (link === undefined) throw new RangeError(`no link between ${from} and ${to}`);
  const blocked = linkBlock(net, link);
  const queue = net.outbox[direction(net, link, from)]!;
  const cause = blocked ?? (queue.length >= net.outboxLimit ? "queue-full" : null);
  if (cause) {
    drop(net, hooks, { cause, node: from, link, payload, message: null });
    return cause;
  }
  const message: Message<P> = {
    id: net.nextMessageId++,
    from,
    to,
    link,
    queuedAt: tick,
    sentAt: -1,
    arriveAt: -1,
    payload,
  };
  queue.push(message);
  return message;
}

/** Puts a message that originated at `node` itself straight into its inbox (N3 still bounds it). */
export function inject<P>(
  net: NetState<P>,
  hooks: NetHooks<P>,
  node: NodeId,
  payload: P,
  tick: number,
): Message<P> | DropCause {
  const inbox = net.inbox[node]!;
  const cause = !net.nodeUp[node]
    ? "node-down"
    : inbox.length >= net.inboxLimit
      ? "queue-full"
      : null;
  if (cause) {
    drop(net, hooks, { cause, node, link: null, payload, message: null });
    return cause;
  }
  const message: Message<P> = {
    id: net.nextMessageId++,
    from: node,
    to: node,
    link: -1,
    queuedAt: tick,
    sentAt: tick,
    arriveAt: tick,
    payload,
  };
  inbox.push(message);
  return message;
}

/** The outbound queue slot of `link` in the direction away from `from`. */
export function direction<P>(net: NetState<P>, link: LinkId, from: NodeId): number {
  return link * 2 + (net.links[link]!.a === from ? 0 : 1);
}

/**
 * N2, N3: each directed link puts up to `capacity` queued messages on the wire. Loss is drawn
 * here, at send time; a message sent at tick t arrives at t + latency + U{0..jitter}.
 */
export function transmit<P>(
  net: NetState<P>,
  hooks: NetHooks<P>,
  tick: number,
  rng: RngState,
): void {
  for (let slot = 0; slot < net.outbox.length; slot++) {
    const queue = net.outbox[slot]!;
    if (queue.length === 0) continue;
    const linkId = slot >> 1;
    const link = net.links[linkId]!;
    const blocked = linkBlock(net, linkId);
    const count = blocked ? queue.length : Math.min(link.capacity, queue.length);
    for (const message of queue.splice(0, count)) {
      if (blocked || chance(rng, link.loss)) {
        record(net, slot, 0);
        lose(net, hooks, message, blocked ?? "loss", message.from);
      } else {
        const jitter = link.jitter > 0 ? nextInt(rng, link.jitter + 1) : 0;
        message.sentAt = tick;
        net.carried[linkId]!++;
        message.arriveAt = tick + Math.max(1, link.latency + jitter);
        net.inFlight.push(message);
        hooks.emit({ type: "transmit", message });
      }
    }
  }
}

/**
 * Hands every message due at `tick` to its receiver: lost if the link was cut or partitioned
 * while it travelled or if the receiver is down (N4); dropped when the inbox is full (N3).
 */
export function deliver<P>(net: NetState<P>, hooks: NetHooks<P>, tick: number): void {
  let kept = 0;
  const flying = net.inFlight;
  for (let i = 0; i < flying.length; i++) {
    const message = flying[i]!;
    if (message.arriveAt > tick) {
      flying[kept++] = message;
      continue;
    }
    const slot = direction(net, message.link, message.from);
    const blocked = linkBlock(net, message.link);
    const inbox = net.inbox[message.to]!;
    const cause =
      blocked ??
      (!net.nodeUp[message.to] ? "node-down" : inbox.length >= net.inboxLimit ? "full" : null);
    if (cause === "full") {
      // A message for the node itself is consumed, not queued, so a full inbox doesn't stop it.
      if (hooks.arrive(message)) arrived(net, hooks, slot, message);
      else {
        record(net, slot, 0);
        lose(net, hooks, message, "queue-full", message.to);
      }
    } else if (cause) {
      record(net, slot, 0);
      lose(net, hooks, message, cause, message.to);
    } else {
      if (!hooks.arrive(message)) inbox.push(message);
      arrived(net, hooks, slot, message);
    }
  }
  flying.length = kept;
}

function arrived<P>(net: NetState<P>, hooks: NetHooks<P>, slot: number, message: Message<P>): void {
  record(net, slot, 1);
  net.measured[slot] = message.arriveAt - message.sentAt;
  hooks.emit({ type: "arrive", message });
}

function record<P>(net: NetState<P>, slot: number, outcome: 0 | 1): void {
  const recent = net.health[slot]!;
  recent.push(outcome);
  if (recent.length > HEALTH_WINDOW) recent.shift();
}

/** N4: the node goes silent; what it held (inbox, outbound queues) is lost. */
export function crashNode<P>(net: NetState<P>, hooks: NetHooks<P>, node: NodeId): void {
  if (!net.nodeUp[node]) return;
  net.nodeUp[node] = false;
  net.version++;
  for (const message of net.inbox[node]!.splice(0)) lose(net, hooks, message, "node-down", node);
  // N4: what was on its way to the node is lost too, even if the node is back before it lands.
  let kept = 0;
  for (const message of net.inFlight) {
    if (message.to === node) lose(net, hooks, message, "node-down", node);
    else net.inFlight[kept++] = message;
  }
  net.inFlight.length = kept;
  for (const { link } of neighbours(net, node)) {
    for (const message of net.outbox[direction(net, link, node)]!.splice(0)) {
      lose(net, hooks, message, "node-down", node);
    }
  }
}

export function restartNode<P>(net: NetState<P>, node: NodeId): void {
  if (net.nodeUp[node]) return;
  net.nodeUp[node] = true;
  net.version++;
}

export function setLinkUp<P>(net: NetState<P>, link: LinkId, up: boolean): void {
  if (net.links[link]!.up === up) return;
  net.links[link]!.up = up;
  net.version++;
}

/** N5: nodes listed in one group talk only to each other; unlisted nodes form one more group. */
export function partition<P>(net: NetState<P>, groups: readonly (readonly NodeId[])[]): void {
  const group = net.nodeUp.map(() => 0);
  groups.forEach((members, index) => {
    for (const node of members) group[node] = index + 1;
  });
  net.group = group;
  net.version++;
}

export function heal<P>(net: NetState<P>): void {
  net.group = null;
  net.links.forEach((link, id) => {
    Object.assign(link, net.baseline[id], { up: true });
  });
  net.version++;
}

/** Node can send right now: alive. Whether a given link carries is `linkBlock`'s question. */
export function isUp<P>(net: NetState<P>, node: NodeId): boolean {
  return net.nodeUp[node] === true;
}

/** Messages the network holds anywhere: queued, on the wire or in an inbox. */
export function messagesHeld<P>(net: NetState<P>): number {
  let held = net.inFlight.length;
  for (const queue of net.outbox) held += queue.length;
  for (const inbox of net.inbox) held += inbox.length;
  return held;
}
