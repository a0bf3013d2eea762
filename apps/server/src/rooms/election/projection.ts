import type { ElectionRound, ElectionView, NodeId, Rejection, Round } from "@quorum/shared";
import { election } from "@quorum/shared";
import type { RoundProjection } from "../projection.ts";
import { syncList, syncValues } from "../sync.ts";
import { projectBoard } from "./board.ts";
import { routeElectionEvents } from "./events.ts";
import {
  ElectionCard,
  ElectionEntry,
  ElectionLogLine,
  ElectionNode,
  ElectionPeer,
  ElectionProgress,
  ElectionProjection,
  type ElectionVerdict,
} from "./schema.ts";

/** The election round's projection: the host view as `board`, each watched server in `nodes`. */
export function createElectionProjection(round: Round): RoundProjection {
  const root = new ElectionProjection();
  /** The node's entry, created on first use and brought up to date (it may have been unwatched). */
  const nodeEntry = (electionRound: ElectionRound, node: NodeId): ElectionNode => {
    const key = String(node);
    let entry = root.nodes.get(key);
    if (entry === undefined) {
      entry = new ElectionNode();
      root.nodes.set(key, entry);
    }
    projectNode(entry, election.view(electionRound, node), electionRound);
    return entry;
  };
  const projection: RoundProjection = {
    field: "election",
    root,
    hostRefs: [root.board],
    nodeRef: (current, node) => nodeEntry(current as ElectionRound, node),
    update(current, watched) {
      const electionRound = current as ElectionRound;
      projectBoard(root.board, election.hostView(electionRound), electionRound);
      for (const node of watched) nodeEntry(electionRound, node);
    },
    route: routeElectionEvents,
  };
  projection.update(round, new Set());
  return projection;
}

function projectNode(entry: ElectionNode, view: ElectionView, round: ElectionRound): void {
  Object.assign(entry, {
    node: view.node,
    up: view.up,
    cluster: view.cluster,
    majority: view.majority,
    role: view.role,
    term: view.term,
    votedFor: view.votedFor ?? -1,
    leader: view.leader ?? -1,
    deadline: view.timer?.deadline ?? -1,
    timeout: view.timer?.timeout ?? 0,
    commitIndex: view.commitIndex,
    inboxLimit: view.inboxLimit,
    heartbeatDue: view.heartbeatDue,
    assist: view.assist,
    enforcement: view.enforcement,
  });
  syncValues(entry.votes, view.votes);
  // E2: the seconds left are the client's to count from `deadline` (they change every second).
  const { seconds: _, ...params } = view.startElection?.params ?? {};
  setVerdict(entry.startElection, view.startElection && { ...view.startElection, params });
  syncList(
    entry.log,
    view.log,
    (line) => line.index,
    (line) => line.index,
    (line) => new ElectionLogLine(line),
    (existing, line) => Object.assign(existing, line),
  );
  syncList(
    entry.cards,
    view.cards,
    (card) => card.card,
    (card) => card.card,
    (card) => {
      const created = new ElectionCard();
      updateCard(created, card, view.tick);
      return created;
    },
    (existing, card) => updateCard(existing, card, view.tick),
  );
  syncList(
    entry.replication,
    view.replication ?? [],
    (peer) => peer.node,
    (peer) => peer.node,
    (peer) => new ElectionProgress(peer),
    (existing, peer) => Object.assign(existing, peer),
  );
  syncList(
    entry.peers,
    view.peers,
    (peer) => peer.node,
    (peer) => peer.node,
    (peer) => new ElectionPeer({ ...peer, name: nameOf(round, peer.node) }),
    (existing, peer) => Object.assign(existing, { ...peer, name: nameOf(round, peer.node) }),
  );
}

function updateCard(
  entry: InstanceType<typeof ElectionCard>,
  card: ElectionView["cards"][number],
  tick: number,
): void {
  const vote = card.kind === "request-vote" ? card : undefined;
  const append = card.kind === "append" ? card : undefined;
  Object.assign(entry, {
    card: card.card,
    kind: card.kind,
    from: card.from,
    term: card.term,
    lastLogIndex: vote?.lastLogIndex ?? 0,
    lastLogTerm: vote?.lastLogTerm ?? 0,
    prevLogIndex: append?.prevLogIndex ?? 0,
    prevLogTerm: append?.prevLogTerm ?? 0,
    leaderCommit: append?.leaderCommit ?? 0,
    arrivedAt: tick - card.age,
  });
  // A card's entries never change while it waits.
  if (entry.entries.length === 0 && append !== undefined) {
    for (const carried of append.entries) entry.entries.push(new ElectionEntry(carried));
  }
  setVerdict(entry.verdict, card.verdict);
}

function setVerdict(target: ElectionVerdict, rejection: Rejection | null): void {
  const params = rejection?.params;
  Object.assign(target, {
    rule: rejection?.rule ?? "",
    code: rejection?.code ?? "",
    params: params === undefined || Object.keys(params).length === 0 ? "" : JSON.stringify(params),
  });
}

/** A node's name as its peers see it: its player's nickname, "" for a bot's node. */
function nameOf(round: ElectionRound, node: NodeId): string {
  return round.seats[node]?.name ?? "";
}
