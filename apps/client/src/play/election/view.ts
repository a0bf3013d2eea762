import type { Rejection } from "@quorum/shared/engine/contract";
import { TICKS_PER_SECOND } from "@quorum/shared/engine/time";
import type { ElectionCard, ElectionView } from "@quorum/shared/modes/election/index";

type Plain = Record<string, unknown>;

/**
 * docs/protocol.md "`election`, as a student receives it" → the engine's ElectionView, so that the
 * screen reads the engine's own shape (D4: the one entry is this student's own server). What the
 * wire leaves out because it follows from the tick alone is counted here: the timer's remaining
 * ticks and expiry, a card's age, and the seconds in the E2 refusal.
 */
export function readElectionView(entry: unknown, tick: number): ElectionView {
  const node = record(entry);
  const deadline = int(node.deadline, -1);
  const role = node.role === "candidate" || node.role === "leader" ? node.role : "follower";
  const startElection = verdictOf(node.startElection);
  if (startElection?.code === "election.timer-running") {
    startElection.params = { seconds: secondsUntil(deadline, tick) };
  }
  return {
    node: int(node.node),
    tick,
    up: node.up !== false,
    cluster: int(node.cluster),
    peers: list(node.peers).map((peer) => ({ node: int(peer.node), up: peer.up !== false })),
    majority: int(node.majority, 1),
    role,
    term: int(node.term),
    votedFor: orNull(int(node.votedFor, -1)),
    leader: orNull(int(node.leader, -1)),
    votes: numbers(node.votes),
    timer:
      deadline < 0
        ? null
        : {
            deadline,
            timeout: int(node.timeout),
            remaining: Math.max(0, deadline - tick),
            expired: tick >= deadline,
          },
    startElection,
    log: list(node.log).map((line) => ({
      index: int(line.index),
      term: int(line.term),
      command: str(line.command),
      id: int(line.id),
      committed: line.committed === true,
    })),
    commitIndex: int(node.commitIndex),
    cards: list(node.cards).map((card) => cardOf(card, tick)),
    inboxLimit: int(node.inboxLimit),
    replication:
      role === "leader"
        ? list(node.replication).map((peer) => ({
            node: int(peer.node),
            nextIndex: int(peer.nextIndex, 1),
            matchIndex: int(peer.matchIndex),
            dueAt: int(peer.dueAt),
          }))
        : null,
    heartbeatDue: node.heartbeatDue === true,
    assist: node.assist === "manual" || node.assist === "watch" ? node.assist : "assisted",
    enforcement: node.enforcement === "permissive" ? "permissive" : "strict",
  };
}

/** E2: whole seconds until `deadline`, as the engine words its refusal (rules.ts startVerdict). */
export function secondsUntil(deadline: number, tick: number): number {
  return Math.max(0, Math.ceil((deadline - tick) / TICKS_PER_SECOND));
}

function cardOf(card: Plain, tick: number): ElectionCard {
  const common = {
    card: int(card.card),
    from: int(card.from),
    term: int(card.term),
    age: Math.max(0, tick - int(card.arrivedAt, tick)),
    verdict: verdictOf(card.verdict),
  };
  if (card.kind === "append") {
    return {
      kind: "append",
      ...common,
      prevLogIndex: int(card.prevLogIndex),
      prevLogTerm: int(card.prevLogTerm),
      entries: list(card.entries).map((entry) => ({
        term: int(entry.term),
        command: str(entry.command),
        id: int(entry.id),
      })),
      leaderCommit: int(card.leaderCommit),
    };
  }
  return {
    kind: "request-vote",
    ...common,
    lastLogIndex: int(card.lastLogIndex),
    lastLogTerm: int(card.lastLogTerm),
  };
}

/** An ElectionVerdict (`code` "" = allowed, `params` as JSON) → the engine's Rejection or null. */
function verdictOf(value: unknown): Rejection | null {
  const verdict = record(value);
  const code = str(verdict.code);
  if (code === "") return null;
  const rejection: Rejection = { rule: str(verdict.rule), code: code as Rejection["code"] };
  const params = str(verdict.params);
  if (params !== "") {
    try {
      rejection.params = JSON.parse(params) as Rejection["params"];
    } catch {
      // Unreadable params leave the sentence's placeholders showing; the rule ID still holds.
    }
  }
  return rejection;
}

/** A list of numbers: an array once decoded, or "1,2,3" where the wire flattens one (protocol.md). */
function numbers(value: unknown): number[] {
  if (Array.isArray(value)) return value.filter((item) => typeof item === "number");
  if (typeof value === "string" && value !== "") return value.split(",").map(Number);
  if (value && typeof value === "object") return numbers(Object.values(value));
  return [];
}

const orNull = (value: number): number | null => (value < 0 ? null : value);

function int(value: unknown, fallback = 0): number {
  return typeof value === "number" && Number.isFinite(value) ? value : fallback;
}

function str(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function record(value: unknown): Plain {
  return value && typeof value === "object" ? (value as Plain) : {};
}

/** An ArraySchema becomes an array and a MapSchema an object in toJSON(): read both. */
function list(value: unknown): Plain[] {
  if (Array.isArray(value)) return value.map(record);
  return value && typeof value === "object" ? Object.values(value).map(record) : [];
}
