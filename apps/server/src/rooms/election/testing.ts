/**
 * The election state as a client decodes it, read back into the engine's own views: what a
 * phone or a projector does with `state.election`. Imported by tests only, which check that
 * every field of ElectionView and ElectionHostView survives the trip (D4: and nothing more).
 */
import type { ToJSON } from "@colyseus/schema";
import {
  type ElectionHostView,
  type ElectionView,
  type RaftRole,
  type Rejection,
  TICKS_PER_SECOND,
} from "@quorum/shared";
import type { ElectionBoard, ElectionNode, ElectionVerdict } from "./schema.ts";

type Plain<T> = ToJSON<T>;

const orNull = (value: number): number | null => (value < 0 ? null : value);
const numbers = (listed: string): number[] => (listed === "" ? [] : listed.split(",").map(Number));

function verdictOf(verdict: Plain<ElectionVerdict>): Rejection | null {
  if (verdict.code === "") return null;
  const rejection: Rejection = { rule: verdict.rule, code: verdict.code as Rejection["code"] };
  if (verdict.params !== "") rejection.params = JSON.parse(verdict.params);
  return rejection;
}

/** A student's ElectionView at `tick` from its decoded `state.election.nodes` entry. */
export function viewOf(node: Plain<ElectionNode>, tick: number): ElectionView {
  const { deadline } = node;
  const startElection = verdictOf(node.startElection);
  // E2: the seconds left are counted here, from the deadline.
  if (startElection?.code === "election.timer-running") {
    startElection.params = { seconds: Math.ceil((deadline - tick) / TICKS_PER_SECOND) };
  }
  return {
    node: node.node,
    tick,
    up: node.up,
    cluster: node.cluster,
    peers: node.peers.map(({ node, up }) => ({ node, up })),
    majority: node.majority,
    role: node.role as RaftRole,
    term: node.term,
    votedFor: orNull(node.votedFor),
    leader: orNull(node.leader),
    votes: [...node.votes],
    timer:
      deadline < 0
        ? null
        : {
            deadline,
            timeout: node.timeout,
            remaining: Math.max(0, deadline - tick),
            expired: tick >= deadline,
          },
    startElection,
    log: node.log.map((line) => ({ ...line })),
    commitIndex: node.commitIndex,
    cards: node.cards.map((card) => {
      const common = { card: card.card, from: card.from, term: card.term };
      const age = tick - card.arrivedAt;
      const verdict = verdictOf(card.verdict);
      return card.kind === "request-vote"
        ? {
            kind: "request-vote" as const,
            ...common,
            lastLogIndex: card.lastLogIndex,
            lastLogTerm: card.lastLogTerm,
            age,
            verdict,
          }
        : {
            kind: "append" as const,
            ...common,
            prevLogIndex: card.prevLogIndex,
            prevLogTerm: card.prevLogTerm,
            entries: card.entries.map((entry) => ({ ...entry })),
            leaderCommit: card.leaderCommit,
            age,
            verdict,
          };
    }),
    inboxLimit: node.inboxLimit,
    replication: node.role === "leader" ? node.replication.map((peer) => ({ ...peer })) : null,
    heartbeatDue: node.heartbeatDue,
    assist: node.assist as ElectionView["assist"],
    enforcement: node.enforcement as ElectionView["enforcement"],
  };
}

/** The host's ElectionHostView at `tick` from its decoded `state.election.board`. */
export function hostViewOf(board: Plain<ElectionBoard>, tick: number): ElectionHostView {
  return {
    tick,
    assist: board.assist as ElectionHostView["assist"],
    enforcement: board.enforcement as ElectionHostView["enforcement"],
    electionTimeout: [board.electionTimeout[0]!, board.electionTimeout[1]!],
    clusters: board.clusters.map((cluster) => ({
      cluster: cluster.cluster,
      members: numbers(cluster.members),
      majority: cluster.majority,
      leader: orNull(cluster.leader),
      term: cluster.term,
      available: cluster.available,
      committed: cluster.committed,
      timeline: cluster.timeline.map((record) => ({
        term: record.term,
        candidates: numbers(record.candidates),
        leaders: numbers(record.leaders),
        startedAt: record.startedAt,
        electedAt: orNull(record.electedAt),
        endedAt: orNull(record.endedAt),
      })),
    })),
    nodes: board.nodes.map(({ deadline, ...node }) => ({
      ...node,
      bot: node.bot === "" ? null : node.bot,
      role: node.role as RaftRole,
      votedFor: orNull(node.votedFor),
      timer: deadline < 0 ? null : Math.max(0, deadline - tick),
    })),
    links: board.links.map((link) => ({
      ...link,
      blocked: link.blocked === "" ? null : (link.blocked as "link-down" | "partition"),
    })),
    messages: board.messages.map((message) => ({
      ...message,
      kind: message.kind as ElectionHostView["messages"][number]["kind"],
      ok: message.ok < 0 ? null : message.ok === 1,
    })),
    violations: board.violations.map((violation) => ({
      ...violation,
      property: violation.property as ElectionHostView["violations"][number]["property"],
      nodes: numbers(violation.nodes),
      index: orNull(violation.index),
    })),
    faults: board.faults.map((fault) => ({
      ...fault,
      kind: fault.kind as ElectionHostView["faults"][number]["kind"],
    })),
  };
}

/** E9: a cluster's ticks without a leader in office, at `tick`. */
export function unavailableTicksOf(
  cluster: Plain<ElectionBoard>["clusters"][number],
  tick: number,
): number {
  const since = cluster.unavailableSince;
  return cluster.unavailableTicks + (since < 0 ? 0 : tick - since);
}
