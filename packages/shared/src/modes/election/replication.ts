import type { Message } from "../../net/network.ts";
import type { NodeId } from "../../net/topology.ts";
import type { ElectionCtx, ElectionRound } from "./actions.ts";
import { sideOf } from "./partitions.ts";
import { clusterOf, discard, raftOf, tell } from "./protocol.ts";
import { type Entry, majority, type RaftMessage, termAt } from "./raft.ts";

/** AppendEntries carry at most this many entries; a follower far behind catches up over several. */
export const MAX_ENTRIES_PER_APPEND = 8;

/** E6: the answer to an AppendEntries; accepting stores the entries and learns the commit index. */
export function answerAppend(
  round: ElectionRound,
  node: NodeId,
  card: Message<RaftMessage>,
  accept: boolean,
  ctx: ElectionCtx,
): void {
  const raft = raftOf(round, node);
  const append = card.payload;
  discard(round, node, card);
  if (append.kind !== "append") return;
  if (!accept) {
    const reply = { term: raft.term, success: false, matchIndex: raft.log.length };
    tell(round, node, card.from, { kind: "append-reply", ...reply }, ctx);
    return;
  }
  store(raft.log, append.prevLogIndex, append.entries);
  const last = append.prevLogIndex + append.entries.length;
  const known = Math.min(append.leaderCommit, last, raft.log.length);
  raft.commitIndex = Math.max(raft.commitIndex, known);
  tell(
    round,
    node,
    card.from,
    { kind: "append-reply", term: raft.term, success: true, matchIndex: last },
    ctx,
  );
}

/**
 * E6: Raft's append: an entry that conflicts with a new one (same index, other term) goes, with
 * all that follow it; entries already there stay, so a late duplicate cannot cut the log short.
 * Only permissive enforcement accepts with a gap before `prevLogIndex`: the entries then go to
 * the end of the log, and the leader is told what it expects to hear.
 */
function store(log: Entry[], prevLogIndex: number, entries: readonly Entry[]): void {
  let at = Math.min(prevLogIndex, log.length);
  for (const entry of entries) {
    const mine = log[at];
    if (!mine || mine.term !== entry.term || mine.id !== entry.id) {
      log.length = at;
      log.push({ ...entry });
    }
    at++;
  }
}

/** E6: AppendEntries to one peer, carrying what it is missing (nothing: a heartbeat). */
export function sendAppend(round: ElectionRound, node: NodeId, peer: NodeId, ctx: ElectionCtx) {
  const raft = raftOf(round, node);
  const progress = raft.peers.find((entry) => entry.node === peer)!;
  const prevLogIndex = progress.nextIndex - 1;
  const entries = raft.log
    .slice(prevLogIndex, prevLogIndex + MAX_ENTRIES_PER_APPEND)
    .map((entry) => ({ ...entry }));
  progress.dueAt = ctx.tick + round.config.heartbeatInterval;
  tell(
    round,
    node,
    peer,
    {
      kind: "append",
      term: raft.term,
      prevLogIndex,
      prevLogTerm: termAt(raft.log, prevLogIndex) ?? 0,
      entries,
      leaderCommit: raft.commitIndex,
    },
    ctx,
  );
}

/** E6: a leader's own answer arrived: note what the peer holds, or step back and retry. */
export function replicated(
  round: ElectionRound,
  node: NodeId,
  peer: NodeId,
  reply: { success: boolean; matchIndex: number },
  ctx: ElectionCtx,
): void {
  const raft = raftOf(round, node);
  const progress = raft.peers.find((entry) => entry.node === peer);
  if (!progress) return;
  if (reply.success) {
    progress.matchIndex = Math.max(progress.matchIndex, reply.matchIndex);
    progress.nextIndex = Math.max(progress.nextIndex, progress.matchIndex + 1);
    // A follower far behind gets the next batch at once (MAX_ENTRIES_PER_APPEND).
    if (progress.nextIndex <= raft.log.length) progress.dueAt = ctx.tick;
    advanceCommit(round, node, ctx);
  } else {
    // Back up past the follower's end at most, never below what it is known to hold.
    const back = Math.min(progress.nextIndex - 1, reply.matchIndex + 1);
    progress.nextIndex = Math.max(progress.matchIndex + 1, back, 1);
    progress.dueAt = ctx.tick;
  }
}

/**
 * E6: an entry commits when stored on a majority — counted only for entries of the leader's own
 * term, which commit every entry before them (Raft §5.4.2: an older term's entry on a majority
 * can still be overwritten).
 */
export function advanceCommit(round: ElectionRound, node: NodeId, ctx: ElectionCtx): void {
  const raft = raftOf(round, node);
  const cluster = clusterOf(round, node);
  const needed = majority(cluster.state.members.length);
  for (let index = raft.log.length; index > raft.commitIndex; index--) {
    if (raft.log[index - 1]!.term !== raft.term) return;
    const copies = 1 + raft.peers.filter((peer) => peer.matchIndex >= index).length;
    if (copies < needed) continue;
    const side = sideOf(round.game, node);
    for (let committed = raft.commitIndex + 1; committed <= index; committed++) {
      const { term, command } = raft.log[committed - 1]!;
      ctx.emit({
        type: "committed",
        node,
        cluster: cluster.index,
        index: committed,
        term,
        command,
      });
      if (side) side.committed++;
    }
    raft.commitIndex = index;
    return;
  }
}

/** E6: a client command, appended by the leader and due to every follower at once. */
export function appendCommand(
  round: ElectionRound,
  node: NodeId,
  command: string,
  ctx: ElectionCtx,
): void {
  const raft = raftOf(round, node);
  raft.log.push({ term: raft.term, command, id: round.game.nextEntryId++ });
  for (const peer of raft.peers) peer.dueAt = ctx.tick;
  const { index: cluster } = clusterOf(round, node);
  const index = raft.log.length;
  ctx.emit({ type: "appended", node, cluster, index, term: raft.term, command });
  advanceCommit(round, node, ctx);
}
