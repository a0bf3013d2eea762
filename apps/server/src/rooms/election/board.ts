import type { ElectionHostView, ElectionRound, NodeId } from "@quorum/shared";
import { BoardFault } from "../routing/schema.ts";
import { syncCounts, syncList, syncValues } from "../sync.ts";
import {
  type ElectionBoard,
  ElectionBoardLink,
  ElectionBoardNode,
  ElectionCluster,
  ElectionMessage,
  ElectionTerm,
  ElectionViolation,
} from "./schema.ts";

/** Node numbers as "1,3": a list inside a list item travels as a string (schema.ts). */
const listed = (nodes: readonly NodeId[]) => nodes.join(",");

/**
 * P4: the election host view onto `board`. Each countdown travels as the tick it counts to (a
 * node's timer as its deadline, a cluster's time without a leader as the tick it began), read
 * from the round itself where the host view only has the count.
 */
export function projectBoard(
  board: ElectionBoard,
  view: ElectionHostView,
  round: ElectionRound,
): void {
  const { tick } = view;
  Object.assign(board, { assist: view.assist, enforcement: view.enforcement });
  syncValues(board.electionTimeout, view.electionTimeout);
  syncList(
    board.clusters,
    view.clusters,
    (cluster) => cluster.cluster,
    (cluster) => cluster.cluster,
    (cluster) => {
      const created = new ElectionCluster();
      updateCluster(created, cluster, round, tick);
      return created;
    },
    (existing, cluster) => updateCluster(existing, cluster, round, tick),
  );
  syncList(
    board.nodes,
    view.nodes,
    (node) => node.node,
    (node) => node.node,
    (node) => new ElectionBoardNode(boardNode(node, round)),
    (existing, node) => Object.assign(existing, boardNode(node, round)),
  );
  syncList(
    board.links,
    view.links,
    (link) => link.link,
    (link) => link.link,
    (link) => new ElectionBoardLink({ ...link, blocked: link.blocked ?? "" }),
    (existing, link) => Object.assign(existing, { ...link, blocked: link.blocked ?? "" }),
  );
  syncList(
    board.messages,
    view.messages,
    (message) => message.message,
    (message) => message.message,
    (message) => new ElectionMessage({ ...message, ok: tristate(message.ok) }),
    () => {},
  );
  syncList(
    board.violations,
    view.violations,
    violationKey,
    violationKey,
    (violation) =>
      new ElectionViolation({
        ...violation,
        nodes: listed(violation.nodes),
        index: violation.index ?? -1,
      }),
    () => {},
  );
  syncList(
    board.faults,
    view.faults,
    (fault) => fault.kind,
    (fault) => fault.kind,
    (fault) => new BoardFault(fault),
    (existing, fault) => Object.assign(existing, fault),
  );
  syncCounts(board.counters.drops, round.net.drops);
}

/** A vote's or an append reply's outcome: 1 yes, 0 no, -1 for a request (null). */
function tristate(ok: boolean | null): number {
  if (ok === null) return -1;
  return ok ? 1 : 0;
}

/** E7: the checker reports a property once per cluster, term and index. */
function violationKey(violation: {
  property: string;
  cluster: number;
  term: number;
  index: number | null;
}): string {
  return `${violation.property}:${violation.cluster}:${violation.term}:${violation.index ?? -1}`;
}

function boardNode(node: ElectionHostView["nodes"][number], round: ElectionRound) {
  const { timer: _, ...rest } = node;
  return {
    ...rest,
    bot: node.bot ?? "",
    votedFor: node.votedFor ?? -1,
    // The host view counts the timer down; the deadline it counts to changes only on a reset.
    deadline: node.timer === null ? -1 : round.game.nodes[node.node]!.electionDeadline,
  };
}

function updateCluster(
  entry: InstanceType<typeof ElectionCluster>,
  cluster: ElectionHostView["clusters"][number],
  round: ElectionRound,
  tick: number,
): void {
  Object.assign(entry, {
    cluster: cluster.cluster,
    members: listed(cluster.members),
    majority: cluster.majority,
    leader: cluster.leader ?? -1,
    term: cluster.term,
    available: cluster.available,
    committed: cluster.committed,
  });
  // E9: while unavailable, the count grows by one a tick: the client adds tick − since.
  const counted = round.game.clusters[cluster.cluster]!.unavailableTicks;
  const since = entry.unavailableSince;
  if (cluster.available) {
    Object.assign(entry, { unavailableTicks: counted, unavailableSince: -1 });
  } else if (since < 0 || entry.unavailableTicks + tick - since !== counted) {
    Object.assign(entry, { unavailableTicks: counted, unavailableSince: tick });
  }
  syncList(
    entry.timeline,
    cluster.timeline,
    (record) => record.term,
    (record) => record.term,
    (record) => new ElectionTerm(termRecord(record)),
    (existing, record) => Object.assign(existing, termRecord(record)),
  );
}

function termRecord(record: ElectionHostView["clusters"][number]["timeline"][number]) {
  return {
    term: record.term,
    candidates: listed(record.candidates),
    leaders: listed(record.leaders),
    startedAt: record.startedAt,
    electedAt: record.electedAt ?? -1,
    endedAt: record.endedAt ?? -1,
  };
}
