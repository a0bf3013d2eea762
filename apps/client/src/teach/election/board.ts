import type { ElectionDebrief, ElectionHostView, SafetyViolation } from "@quorum/shared";
import { ROLES } from "@quorum/shared/modes/election/raft";
import { SAFETY_PROPERTIES } from "@quorum/shared/modes/election/safety";
import { DROP_CAUSES, type DropCause } from "@quorum/shared/net/network";

/**
 * `state.election.board` (docs/protocol.md, "`election`, as the host and the projector receive
 * it") read back into the engine's ElectionHostView, with what the console needs besides: each
 * countdown as the tick it counts to, and each cluster's time without a leader up to now. The
 * schema writes the engine's nulls as -1 and "", and lists inside list items as "1,2,3".
 */

type HostCluster = ElectionHostView["clusters"][number];
type HostRaftNode = ElectionHostView["nodes"][number];

export interface BoardCluster extends HostCluster {
  /** E9: ticks without a leader that reaches a majority, up to the board's tick. */
  unavailableTicks: number;
}

export interface BoardRaftNode extends HostRaftNode {
  /** E2: the tick its election timer expires; null for a leader, which has none. */
  deadline: number | null;
}

export interface ElectionBoardView extends Omit<ElectionHostView, "clusters" | "nodes"> {
  clusters: BoardCluster[];
  nodes: BoardRaftNode[];
  /** N6: messages lost so far, by cause. */
  drops: Partial<Record<DropCause, number>>;
}

/** SERVER_MESSAGE.debrief of an election round: the class's figures and the Raft bots' (E9). */
export interface ElectionSummaryView {
  class: ElectionDebrief;
  baseline: ElectionDebrief | null;
}

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json => typeof value === "object" && value !== null;
const number = (value: unknown, fallback = 0): number =>
  typeof value === "number" && Number.isFinite(value) ? value : fallback;
const text = (value: unknown): string => (typeof value === "string" ? value : "");
/** -1 (and anything not a number) stands for the engine's null. */
const orNull = (value: unknown): number | null =>
  typeof value === "number" && value >= 0 ? value : null;
/** A MapSchema arrives as an object keyed by id, an ArraySchema as an array. */
const entries = (value: unknown): Json[] =>
  (Array.isArray(value) ? value : isRecord(value) ? Object.values(value) : []).filter(isRecord);
const picked = <T extends string>(options: readonly T[], value: unknown, fallback: T): T =>
  options.find((option) => option === value) ?? fallback;

/** Node numbers written as "0,1,2" (the empty string for none). */
export function nodeList(listed: unknown): number[] {
  if (typeof listed !== "string" || listed === "") return [];
  return listed
    .split(",")
    .map(Number)
    .filter((node) => Number.isInteger(node) && node >= 0);
}

/** The decoded board at `tick`, or null until it holds the round's nodes. */
export function electionBoardOf(board: unknown, tick: number): ElectionBoardView | null {
  if (!isRecord(board)) return null;
  const nodes = entries(board.nodes).map((node): BoardRaftNode => {
    const deadline = orNull(node.deadline);
    return {
      node: number(node.node),
      name: text(node.name),
      bot: text(node.bot) || null,
      up: node.up !== false,
      x: number(node.x, 0.5),
      y: number(node.y, 0.5),
      cluster: number(node.cluster),
      role: picked(ROLES, node.role, "follower"),
      term: number(node.term),
      votedFor: orNull(node.votedFor),
      deadline,
      timer: deadline === null ? null : Math.max(0, deadline - tick),
      timeout: number(node.timeout),
      votes: number(node.votes),
      logLength: number(node.logLength),
      lastLogTerm: number(node.lastLogTerm),
      commitIndex: number(node.commitIndex),
      cards: number(node.cards),
      group: number(node.group),
    };
  });
  if (nodes.length === 0) return null;
  const timeout = Array.isArray(board.electionTimeout) ? board.electionTimeout : [];
  const drops =
    isRecord(board.counters) && isRecord(board.counters.drops) ? board.counters.drops : {};
  return {
    tick,
    assist: picked(["manual", "assisted", "watch"], board.assist, "assisted"),
    enforcement: picked(["strict", "permissive"], board.enforcement, "strict"),
    electionTimeout: [number(timeout[0]), number(timeout[1])],
    clusters: entries(board.clusters).map((cluster) => {
      const since = orNull(cluster.unavailableSince);
      return {
        cluster: number(cluster.cluster),
        members: nodeList(cluster.members),
        majority: number(cluster.majority, 1),
        leader: orNull(cluster.leader),
        term: number(cluster.term),
        available: cluster.available === true,
        committed: number(cluster.committed),
        unavailableTicks:
          number(cluster.unavailableTicks) + (since === null ? 0 : Math.max(0, tick - since)),
        timeline: entries(cluster.timeline).map((record) => ({
          term: number(record.term),
          candidates: nodeList(record.candidates),
          leaders: nodeList(record.leaders),
          startedAt: number(record.startedAt),
          electedAt: orNull(record.electedAt),
          endedAt: orNull(record.endedAt),
        })),
      };
    }),
    nodes,
    links: entries(board.links).map((link) => ({
      link: number(link.link),
      a: number(link.a),
      b: number(link.b),
      up: link.up !== false,
      blocked: link.blocked === "link-down" || link.blocked === "partition" ? link.blocked : null,
      latency: number(link.latency),
      loss: number(link.loss),
    })),
    messages: entries(board.messages).map((message) => ({
      message: number(message.message),
      kind: picked(["request-vote", "vote", "append", "append-reply"], message.kind, "append"),
      term: number(message.term),
      from: number(message.from),
      to: number(message.to),
      sentAt: number(message.sentAt),
      arriveAt: number(message.arriveAt),
      ok: typeof message.ok === "number" && message.ok >= 0 ? message.ok === 1 : null,
      entries: number(message.entries),
    })),
    violations: entries(board.violations).map(
      (violation): SafetyViolation => ({
        property: picked(SAFETY_PROPERTIES, violation.property, "election-safety"),
        tick: number(violation.tick),
        cluster: number(violation.cluster),
        term: number(violation.term),
        nodes: nodeList(violation.nodes),
        index: orNull(violation.index),
      }),
    ),
    faults: entries(board.faults).map((fault) => ({
      kind: picked(["crash", "cut", "partition", "loss", "latency"], fault.kind, "crash"),
      fallacy: text(fault.fallacy),
      count: number(fault.count),
    })),
    drops: Object.fromEntries(
      DROP_CAUSES.filter((cause) => number(drops[cause]) > 0).map((cause) => [
        cause,
        number(drops[cause]),
      ]),
    ),
  };
}

/** SERVER_MESSAGE.debrief of an election round, or null when it is another mode's. */
export function electionSummaryOf(message: unknown): ElectionSummaryView | null {
  if (!isRecord(message)) return null;
  if (message.mode !== undefined && message.mode !== "election") return null;
  const summary = isRecord(message.summary) ? message.summary : message;
  const isDebrief = (value: unknown): value is ElectionDebrief =>
    isRecord(value) && Array.isArray(value.clusters);
  if (!isDebrief(summary.class)) return null;
  return { class: summary.class, baseline: isDebrief(summary.baseline) ? summary.baseline : null };
}

/**
 * "3 · Ada": the number drawn on the node and who plays it; a student's node that a bot plays
 * while the student is away (D5) is labelled with `away`.
 */
export function raftNodeLabel(
  nodes: readonly Pick<HostRaftNode, "name" | "bot">[],
  node: number,
  away: (name: string) => string = (name) => name,
): string {
  const entry = nodes[node];
  if (!entry?.name) return String(node + 1);
  return `${node + 1} · ${entry.bot ? away(entry.name) : entry.name}`;
}
