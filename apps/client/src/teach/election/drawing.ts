import type { RingsPicture } from "../../network/election/picture.ts";
import type { Words } from "../debrief/lessons.ts";
import { type ElectionBoardView, raftNodeLabel } from "./board.ts";

/**
 * What the rings drawing needs of a board, every word in the reader's language; the same object
 * while nothing it shows changed (the timers run down in the scene, from each node's deadline).
 */
export function ringsPictureOf(
  board: ElectionBoardView,
  previous: RingsPicture | null,
  { t }: Pick<Words, "t">,
): RingsPicture {
  const away = (name: string) => t("teach.node.away", { name });
  const leaderTerm = (cluster: number) => {
    const leader = board.clusters[cluster]?.leader;
    return leader === null || leader === undefined ? 0 : (board.nodes[leader]?.term ?? 0);
  };
  const next: RingsPicture = {
    nodes: board.nodes.map((node) => ({
      name: node.name ? (node.bot ? away(node.name) : node.name) : "",
      up: node.up,
      role: node.role,
      term: node.term,
      cluster: node.cluster,
      group: node.group,
      deadline: node.deadline,
      timeout: node.timeout,
      stale: node.role === "leader" && node.term < leaderTerm(node.cluster),
      // The leader's crown says it; a candidate's dashed outline comes with its votes (E5).
      tag:
        node.role === "candidate"
          ? t("teach.election.candidateVotes", {
              votes: node.votes,
              majority: board.clusters[node.cluster]?.majority ?? 1,
            })
          : node.role === "leader" && node.term < leaderTerm(node.cluster)
            ? t("teach.election.staleLeader")
            : "",
    })),
    clusters: board.clusters.map((cluster) => ({
      members: cluster.members,
      leader: cluster.leader,
      available: cluster.available,
      title: t("teach.election.cluster", { cluster: cluster.cluster + 1 }),
      lines: [
        t("teach.election.termValue", { term: cluster.term }),
        cluster.leader === null
          ? t("teach.election.noLeader")
          : t("teach.election.ledBy", { node: raftNodeLabel(board.nodes, cluster.leader, away) }),
      ],
    })),
    links: board.links.map((link) => ({ a: link.a, b: link.b, blocked: link.blocked })),
  };
  return previous && JSON.stringify(previous) === JSON.stringify(next) ? previous : next;
}
