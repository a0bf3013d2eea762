import { type SchemaType, schema, t } from "@colyseus/schema";

/**
 * The routing round as clients receive it (docs/protocol.md). Field names follow the engine's
 * RoutingView and RoutingHostView; where those hold `null`, the schema holds -1 (numbers) or ""
 * (strings), since a schema field cannot be null. Per-tick counters (`tick`, `age`) are left out
 * so that a patch carries only real changes: a packet's `arrivedAt` replaces its age.
 */

/** One inbox entry of a router (R2). */
export const RoutingPacket = schema(
  {
    /** The inbox entry an action names (`packet` in a forward/flood/drop). */
    entry: t.uint32(),
    id: t.uint32(),
    src: t.uint16(),
    dst: t.uint16(),
    ttl: t.uint8(),
    kind: t.string(),
    /** R7: sequence number; -1 outside the reliable round. */
    seq: t.int32(),
    /** The neighbour it came from; -1 when it started here. */
    from: t.int16(),
    /** Tick it arrived here. */
    arrivedAt: t.uint32(),
    /**
     * R8: hops to `dst` through each neighbour, in neighbour order (-1: no route), as "2,3,-1";
     * "" while hints are off. A string, not an array: Colyseus 0.18 does not send the items of
     * an array nested in a new array item to a filtered view (tests/integration/round.test.ts).
     */
    hints: t.string(),
  },
  "RoutingPacket",
);

export const RoutingNeighbour = schema(
  {
    node: t.uint16(),
    /** Its player's nickname; "" for a bot's node. */
    name: t.string(),
    link: t.uint16(),
    up: t.boolean(),
    /** R2: measured latency in ticks; -1 before anything arrived. */
    latency: t.int16(),
    acked: t.uint8(),
    sent: t.uint8(),
    dx: t.float32(),
    dy: t.float32(),
  },
  "RoutingNeighbour",
);

export const RoutingUnacked = schema(
  {
    seq: t.uint32(),
    id: t.uint32(),
    dst: t.uint16(),
    sentAt: t.uint32(),
    timeoutAt: t.uint32(),
    tries: t.uint8(),
  },
  "RoutingUnacked",
);

export const RoutingReceived = schema({ src: t.uint16(), seq: t.uint32() }, "RoutingReceived");

export const RoutingNotice = schema(
  { kind: t.string(), packet: t.uint32(), at: t.uint16(), tick: t.uint32() },
  "RoutingNotice",
);

/** D4: one router's own view — all that its student receives of the round. */
export const RoutingNode = schema(
  {
    node: t.uint16(),
    up: t.boolean(),
    variant: t.string(),
    ttl: t.uint8(),
    inboxLimit: t.uint8(),
    score: t.uint32(),
    deliveryRate: t.float32(),
    inbox: t.array(RoutingPacket),
    neighbours: t.array(RoutingNeighbour),
    /** R7, reliable round only. */
    unacked: t.array(RoutingUnacked),
    received: t.array(RoutingReceived),
    /** R6, flood round only. */
    seenFloods: t.array("uint32"),
    notices: t.array(RoutingNotice),
  },
  "RoutingNode",
);
export type RoutingNode = SchemaType<typeof RoutingNode>;

export const BoardNode = schema(
  {
    node: t.uint16(),
    name: t.string(),
    /** The bot kind playing it; "" while its student plays. */
    bot: t.string(),
    up: t.boolean(),
    x: t.float32(),
    y: t.float32(),
    inbox: t.uint8(),
    score: t.uint32(),
    group: t.uint8(),
  },
  "BoardNode",
);

export const BoardLink = schema(
  {
    link: t.uint16(),
    a: t.uint16(),
    b: t.uint16(),
    up: t.boolean(),
    /** "link-down", "partition", or "" while it carries. */
    blocked: t.string(),
    latency: t.uint16(),
    jitter: t.uint16(),
    loss: t.float32(),
    /** Messages it has carried, both directions. */
    load: t.uint32(),
  },
  "BoardLink",
);

export const BoardPacket = schema(
  {
    message: t.uint32(),
    id: t.uint32(),
    kind: t.string(),
    from: t.uint16(),
    to: t.uint16(),
    sentAt: t.uint32(),
    arriveAt: t.uint32(),
  },
  "BoardPacket",
);

export const BoardCounters = schema(
  {
    generated: t.uint32(),
    created: t.uint32(),
    delivered: t.uint32(),
    held: t.uint32(),
    deliveryRate: t.float32(),
    /** N6: packets ended by cause (PacketEnd), delivery excluded. */
    ends: t.map("uint32"),
  },
  "BoardCounters",
);

export const BoardFault = schema(
  { kind: t.string(), fallacy: t.string(), count: t.uint16() },
  "BoardFault",
);

/** P4: the whole picture, for the teacher's console and the projector only. */
export const RoutingBoard = schema(
  {
    variant: t.string(),
    ttl: t.uint8(),
    trafficRate: t.float32(),
    hints: t.boolean(),
    nodes: t.array(BoardNode),
    links: t.array(BoardLink),
    packets: t.array(BoardPacket),
    counters: BoardCounters,
    faults: t.array(BoardFault),
  },
  "RoutingBoard",
);
export type RoutingBoard = SchemaType<typeof RoutingBoard>;

/**
 * `state.routing` while a routing round exists. Both fields are filtered (D4): host and
 * projector views hold `board`; a student's view holds its own entry of `nodes` (keyed by node).
 */
export const RoutingProjection = schema(
  {
    board: t.ref(RoutingBoard).view(),
    nodes: t.map(RoutingNode).view(),
  },
  "RoutingProjection",
);
export type RoutingProjection = SchemaType<typeof RoutingProjection>;
