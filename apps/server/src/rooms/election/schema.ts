import { type SchemaType, schema, t } from "@colyseus/schema";
import { BoardFault } from "../routing/schema.ts";

/**
 * The leader-election round as clients receive it (docs/protocol.md). Field names follow the
 * engine's ElectionView and ElectionHostView; where those hold `null`, the schema holds -1
 * (numbers) or "" (strings). What the engine counts down every tick travels as the tick it
 * counts to (`deadline`, `arrivedAt`, `unavailableSince`), so that a patch carries only real
 * changes. No list of numbers or strings sits inside a list item: Colyseus 0.18 does not send
 * the items of a primitive collection nested in an array item to a filtered view
 * (projection.test.ts), so such lists travel as "1,2,3" strings or as lists of schemas.
 */

/** D3: an engine Rejection; `code` "" stands for null (allowed). */
export const ElectionVerdict = schema(
  {
    rule: t.string(),
    code: t.string(),
    /** The rejection's params as JSON ("" without params). */
    params: t.string(),
  },
  "ElectionVerdict",
);
export type ElectionVerdict = SchemaType<typeof ElectionVerdict>;

/** E6: one entry of a log or of an AppendEntries. */
export const ElectionEntry = schema(
  { term: t.uint32(), command: t.string(), id: t.uint32() },
  "ElectionEntry",
);

export const ElectionLogLine = schema(
  {
    index: t.uint32(),
    term: t.uint32(),
    command: t.string(),
    id: t.uint32(),
    committed: t.boolean(),
  },
  "ElectionLogLine",
);

/** E3, E6: a RequestVote or an AppendEntries waiting for the node's decision. */
export const ElectionCard = schema(
  {
    /** The inbox entry an action names (`card` in answer-vote / answer-append). */
    card: t.uint32(),
    /** "request-vote" or "append". */
    kind: t.string(),
    from: t.uint16(),
    term: t.uint32(),
    /** RequestVote only (0 on an append). */
    lastLogIndex: t.uint32(),
    lastLogTerm: t.uint32(),
    /** AppendEntries only (0 and empty on a request-vote). */
    prevLogIndex: t.uint32(),
    prevLogTerm: t.uint32(),
    entries: t.array(ElectionEntry),
    leaderCommit: t.uint32(),
    /** Tick it arrived; age = tick − arrivedAt. */
    arrivedAt: t.uint32(),
    /** What the engine answers to granting or accepting it. */
    verdict: ElectionVerdict,
  },
  "ElectionCard",
);

/** E6: a leader's knowledge of one follower's log. */
export const ElectionProgress = schema(
  { node: t.uint16(), nextIndex: t.uint32(), matchIndex: t.uint32(), dueAt: t.uint32() },
  "ElectionProgress",
);

export const ElectionPeer = schema(
  {
    node: t.uint16(),
    /** Its player's nickname; "" for a bot's node. */
    name: t.string(),
    /** Its own link to this peer carries (N2, N5). */
    up: t.boolean(),
  },
  "ElectionPeer",
);

/** D4: one Raft server's own view — all that its student receives of the round. */
export const ElectionNode = schema(
  {
    node: t.uint16(),
    up: t.boolean(),
    cluster: t.uint16(),
    majority: t.uint8(),
    role: t.string(),
    term: t.uint32(),
    votedFor: t.int16(),
    leader: t.int16(),
    /** E5: as a candidate, who voted for it. */
    votes: t.array("uint16"),
    /** E2: tick its election timer expires; -1 for a leader, which has none. */
    deadline: t.int32(),
    /** E2: the timeout drawn for this term, in ticks (for a progress bar). */
    timeout: t.uint16(),
    /** E2: why it may not start an election; `code` "" when it may. Without a `seconds` param. */
    startElection: ElectionVerdict,
    log: t.array(ElectionLogLine),
    commitIndex: t.uint32(),
    cards: t.array(ElectionCard),
    inboxLimit: t.uint8(),
    /** E6: as a leader, one per follower; empty otherwise. */
    replication: t.array(ElectionProgress),
    heartbeatDue: t.boolean(),
    peers: t.array(ElectionPeer),
    assist: t.string(),
    enforcement: t.string(),
  },
  "ElectionNode",
);
export type ElectionNode = SchemaType<typeof ElectionNode>;

/** One term of a cluster's history (E9). */
export const ElectionTerm = schema(
  {
    term: t.uint32(),
    /** Node numbers as "3,4". */
    candidates: t.string(),
    leaders: t.string(),
    startedAt: t.uint32(),
    /** -1 while nobody won. */
    electedAt: t.int32(),
    /** -1 while it leads or if nobody won. */
    endedAt: t.int32(),
  },
  "ElectionTerm",
);

export const ElectionCluster = schema(
  {
    cluster: t.uint16(),
    /** Node numbers as "0,1,2,3,4". */
    members: t.string(),
    majority: t.uint8(),
    leader: t.int16(),
    term: t.uint32(),
    available: t.boolean(),
    committed: t.uint32(),
    /**
     * E9: ticks without a leader that reaches a majority — as of `unavailableSince` while the
     * cluster is unavailable (then add tick − unavailableSince), up to now otherwise.
     */
    unavailableTicks: t.uint32(),
    /** -1 while a leader is in office. */
    unavailableSince: t.int32().default(-1),
    timeline: t.array(ElectionTerm),
  },
  "ElectionCluster",
);

export const ElectionBoardNode = schema(
  {
    node: t.uint16(),
    name: t.string(),
    /** The bot kind playing it; "" while its student plays. */
    bot: t.string(),
    up: t.boolean(),
    x: t.float32(),
    y: t.float32(),
    cluster: t.uint16(),
    role: t.string(),
    term: t.uint32(),
    votedFor: t.int16(),
    /** E2: tick its timer expires; -1 for a leader. */
    deadline: t.int32(),
    timeout: t.uint16(),
    votes: t.uint8(),
    logLength: t.uint32(),
    lastLogTerm: t.uint32(),
    commitIndex: t.uint32(),
    cards: t.uint8(),
    group: t.uint8(),
  },
  "ElectionBoardNode",
);

export const ElectionBoardLink = schema(
  {
    link: t.uint16(),
    a: t.uint16(),
    b: t.uint16(),
    up: t.boolean(),
    /** "link-down", "partition", or "" while it carries. */
    blocked: t.string(),
    latency: t.uint16(),
    loss: t.float32(),
  },
  "ElectionBoardLink",
);

/** A Raft message on the wire. */
export const ElectionMessage = schema(
  {
    message: t.uint32(),
    kind: t.string(),
    term: t.uint32(),
    from: t.uint16(),
    to: t.uint16(),
    sentAt: t.uint32(),
    arriveAt: t.uint32(),
    /** A vote granted or an append that succeeded: 1 yes, 0 no, -1 for a request. */
    ok: t.int8(),
    /** Entries an AppendEntries carries (0: a heartbeat). */
    entries: t.uint8(),
  },
  "ElectionMessage",
);

/** E7: one broken guarantee. */
export const ElectionViolation = schema(
  {
    property: t.string(),
    tick: t.uint32(),
    cluster: t.uint16(),
    term: t.uint32(),
    /** Node numbers as "1,3". */
    nodes: t.string(),
    /** -1 for two leaders in one term. */
    index: t.int32(),
  },
  "ElectionViolation",
);

export const ElectionCounters = schema(
  {
    /** N6: messages lost, by DropCause. */
    drops: t.map("uint32"),
  },
  "ElectionCounters",
);

/** P4: the whole picture, for the teacher's console and the projector only. */
export const ElectionBoard = schema(
  {
    assist: t.string(),
    enforcement: t.string(),
    /** E2: [lowest, highest] timeout drawn, in ticks. */
    electionTimeout: t.array("uint16"),
    clusters: t.array(ElectionCluster),
    nodes: t.array(ElectionBoardNode),
    links: t.array(ElectionBoardLink),
    messages: t.array(ElectionMessage),
    violations: t.array(ElectionViolation),
    faults: t.array(BoardFault),
    counters: ElectionCounters,
  },
  "ElectionBoard",
);
export type ElectionBoard = SchemaType<typeof ElectionBoard>;

/**
 * `state.election` while an election round exists. Both fields are filtered (D4): host and
 * projector views hold `board`; a student's view holds its own entry of `nodes` (keyed by node).
 */
export const ElectionProjection = schema(
  {
    board: t.ref(ElectionBoard).view(),
    nodes: t.map(ElectionNode).view(),
  },
  "ElectionProjection",
);
export type ElectionProjection = SchemaType<typeof ElectionProjection>;
