import type { NodeId } from "../../net/topology.ts";
import type { ElectionRound } from "./actions.ts";
import type { ElectionGame, PartitionSide } from "./game.ts";
import { majority } from "./raft.ts";

/** The side of the partition in force that `node` is on, when its cluster is split. */
export function sideOf(game: ElectionGame, node: NodeId): PartitionSide | undefined {
  const open = game.partitions[game.partitions.length - 1];
  if (!open || open.to !== null) return undefined;
  return open.sides.find((side) => side.members.includes(node));
}

/**
 * E9: notices the teacher's partitions and heals (N5) and opens a record of every cluster the
 * partition splits, so the debrief can show what each side managed — the minority side can
 * neither elect nor commit (CAP).
 */
export function trackPartitions(round: ElectionRound, tick: number): void {
  const { net, game } = round;
  if (net.version === game.netVersion) return;
  game.netVersion = net.version;
  const open = game.partitions[game.partitions.length - 1];
  const current = open && open.to === null ? open : null;
  const sides = net.group ? splitSides(round, net.group) : [];
  if (current && sameSides(current.sides, sides)) return;
  if (current) current.to = tick;
  if (sides.length > 0) game.partitions.push({ from: tick, to: null, sides });
}

function splitSides(round: ElectionRound, group: readonly number[]): PartitionSide[] {
  const sides: PartitionSide[] = [];
  round.game.clusters.forEach((cluster, index) => {
    const groups = [...new Set(cluster.members.map((node) => group[node]!))].sort((p, q) => p - q);
    if (groups.length < 2) return;
    const needed = majority(cluster.members.length);
    for (const side of groups) {
      const members = cluster.members.filter((node) => group[node] === side);
      sides.push({
        cluster: index,
        group: side,
        members,
        majority: members.length >= needed,
        leaders: members
          .filter((node) => round.net.nodeUp[node] && round.game.nodes[node]!.role === "leader")
          .map((node) => ({ node, term: round.game.nodes[node]!.term })),
        elected: 0,
        committed: 0,
      });
    }
  });
  return sides;
}

function sameSides(before: readonly PartitionSide[], after: readonly PartitionSide[]): boolean {
  const shape = (sides: readonly PartitionSide[]) =>
    JSON.stringify(sides.map((side) => [side.cluster, side.members]));
  return shape(before) === shape(after);
}
