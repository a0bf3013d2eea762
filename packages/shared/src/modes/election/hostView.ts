import { FALLACY_OF } from "../../engine/faults.ts";
import { isUp, linkBlock, type NetState } from "../../net/network.ts";
import type { NodeId } from "../../net/topology.ts";
import type { ElectionRound } from "./actions.ts";
import type { AssistLevel, Enforcement } from "./config.ts";
import type { TermRecord } from "./game.ts";
import { raftOf, reachable } from "./protocol.ts";
import { lastTerm, majority, type RaftMessage, type Role } from "./raft.ts";
import type { Violation } from "./safety.ts";

export interface HostRaftNode {
  node: NodeId;
  name: string;
  bot: string | null;
  up: boolean;
  x: number;
  y: number;
  cluster: number;
  role: Role;
  term: number;
  votedFor: NodeId | null;
  /** E2: ticks until its timer expires (0: expired); null for a leader. */
  timer: number | null;
  timeout: number;
  votes: number;
  logLength: number;
  lastLogTerm: number;
  commitIndex: number;
  /** Cards waiting for its decision. */
  cards: number;
  /** N5: partition group, 0 when whole. */
  group: number;
}

export interface HostCluster {
  cluster: number;
  members: NodeId[];
  majority: number;
  /** The running leader of the highest term, if any. */
  leader: NodeId | null;
  /** The highest term any member has reached. */
  term: number;
  /** E9: a leader that reaches a majority is in office (the cluster can commit). */
  available: boolean;
  /** Entries committed so far, as the safety checker saw them (E6, E7). */
  committed: number;
  /** The most recent terms, oldest first: who stood, who won, when. */
  timeline: TermRecord[];
}

export interface HostLink {
  link: number;
  a: NodeId;
  b: NodeId;
  up: boolean;
  blocked: "link-down" | "partition" | null;
  latency: number;
  loss: number;
}

/** A Raft message on the wire, for the projector to animate. */
export interface FlyingRaftMessage {
  message: number;
  kind: RaftMessage["kind"];
  term: number;
  from: NodeId;
  to: NodeId;
  sentAt: number;
  arriveAt: number;
  /** Votes granted, AppendEntries succeeded; null for requests. */
  ok: boolean | null;
  /** Entries an AppendEntries carries (0: a heartbeat). */
  entries: number;
}

/** N7: a fault in force now, with the fallacy it disproves (a message key). */
export interface ActiveFault {
  kind: "crash" | "cut" | "partition" | "loss" | "latency";
  fallacy: string;
  count: number;
}

export interface ElectionHostView {
  tick: number;
  assist: AssistLevel;
  enforcement: Enforcement;
  electionTimeout: [number, number];
  clusters: HostCluster[];
  nodes: HostRaftNode[];
  links: HostLink[];
  messages: FlyingRaftMessage[];
  violations: Violation[];
  faults: ActiveFault[];
}

/** How many terms of each cluster's history the projector shows. */
export const TIMELINE_TERMS = 12;

export function hostView(round: ElectionRound): ElectionHostView {
  const { net, game, config, tick } = round;
  return {
    tick,
    assist: config.assist,
    enforcement: config.enforcement,
    electionTimeout: [...config.electionTimeout],
    clusters: game.clusters.map((cluster, index) => {
      const leader = currentLeader(round, cluster.members);
      return {
        cluster: index,
        members: [...cluster.members],
        majority: majority(cluster.members.length),
        leader,
        term: Math.max(0, ...cluster.members.map((node) => raftOf(round, node).term)),
        available: leader !== null && hasQuorum(round, leader),
        committed: game.safety.committed[index]!.length,
        timeline: cluster.terms.slice(-TIMELINE_TERMS).map((record) => structuredClone(record)),
      };
    }),
    nodes: round.seats.map((seat, node) => {
      const raft = raftOf(round, node);
      return {
        node,
        name: seat.name,
        bot: seat.bot,
        up: isUp(net, node),
        x: net.positions[node]!.x,
        y: net.positions[node]!.y,
        cluster: game.clusterOf[node]!,
        role: raft.role,
        term: raft.term,
        votedFor: raft.votedFor,
        timer: raft.role === "leader" ? null : Math.max(0, raft.electionDeadline - tick),
        timeout: raft.electionTimeout,
        votes: raft.votes.length,
        logLength: raft.log.length,
        lastLogTerm: lastTerm(raft.log),
        commitIndex: raft.commitIndex,
        cards: net.inbox[node]!.length,
        group: net.group?.[node] ?? 0,
      };
    }),
    links: net.links.map((link, id) => ({
      link: id,
      a: link.a,
      b: link.b,
      up: link.up,
      blocked: linkBlock(net, id),
      latency: link.latency,
      loss: link.loss,
    })),
    messages: net.inFlight.map(({ id, payload, from, to, sentAt, arriveAt }) => ({
      message: id,
      kind: payload.kind,
      term: payload.term,
      from,
      to,
      sentAt,
      arriveAt,
      ok:
        payload.kind === "vote"
          ? payload.granted
          : payload.kind === "append-reply"
            ? payload.success
            : null,
      entries: payload.kind === "append" ? payload.entries.length : 0,
    })),
    violations: game.safety.violations.map((violation) => ({
      ...violation,
      nodes: [...violation.nodes],
    })),
    faults: activeFaults(net),
  };
}

/** The running leader of the highest term among `members`; the lowest id breaks a tie (E7). */
export function currentLeader(round: ElectionRound, members: readonly NodeId[]): NodeId | null {
  let best: NodeId | null = null;
  for (const node of members) {
    const raft = raftOf(round, node);
    if (!isUp(round.net, node) || raft.role !== "leader") continue;
    if (best === null || raft.term > raftOf(round, best).term) best = node;
  }
  return best;
}

/** E9: can this leader reach a majority of its cluster, itself included? */
export function hasQuorum(round: ElectionRound, leader: NodeId): boolean {
  const members = round.game.clusters[round.game.clusterOf[leader]!]!.members.length;
  return reachable(round, leader).length + 1 >= majority(members);
}

function activeFaults<P>(net: NetState<P>): ActiveFault[] {
  const changed = (key: "loss" | "latency" | "jitter") =>
    net.links.filter((link, id) => link[key] > net.baseline[id]![key]).length;
  const faults: ActiveFault[] = [
    { kind: "crash", fallacy: FALLACY_OF.crash!, count: net.nodeUp.filter((up) => !up).length },
    { kind: "cut", fallacy: FALLACY_OF.cut!, count: net.links.filter((link) => !link.up).length },
    { kind: "partition", fallacy: FALLACY_OF.partition!, count: net.group ? 1 : 0 },
    { kind: "loss", fallacy: FALLACY_OF["set-loss"]!, count: changed("loss") },
    {
      kind: "latency",
      fallacy: FALLACY_OF["set-latency"]!,
      count: Math.max(changed("latency"), changed("jitter")),
    },
  ];
  return faults.filter((fault) => fault.count > 0);
}
