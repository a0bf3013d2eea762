import { FaultLegend } from "../RoundFigures.tsx";
import type { Classroom } from "../useClassroom.ts";
import type { ElectionBoardView } from "./board.ts";
import { raftNodeLabel } from "./board.ts";
import { ClusterCards, crowded } from "./ClusterCards.tsx";
import { ElectionKey } from "./ElectionKey.tsx";
import { RingsView } from "./ElectionStage.tsx";
import { TimelineKey } from "./TermTimeline.tsx";
import { Violations } from "./Violations.tsx";
import "./election.css";

/**
 * P4, the projector during an election round: the rings large, and beside them each cluster's
 * leader, term and timeline, the faults in force with their fallacy, and the safety checker's
 * findings when the rules are off (E7). Read-only, for the back row at 1920×1080.
 */
export function ElectionProjector({
  classroom,
  board,
}: {
  classroom: Classroom;
  board: ElectionBoardView | null;
}) {
  const checking = board && (board.enforcement === "permissive" || board.violations.length > 0);
  return (
    <main class="projector__round projector__round--election">
      <RingsView class="projector__network" board={board} classroom={classroom} />
      <aside class="projector__side projector__side--election">
        {board && <ClusterCards board={board} size="large" />}
        {board && !crowded(board) && <TimelineKey />}
        {board && <FaultLegend faults={board.faults} />}
        {board && checking && (
          <Violations
            violations={board.violations}
            enforcement={board.enforcement}
            nodeName={(node) => raftNodeLabel(board.nodes, node)}
            limit={3}
          />
        )}
        <ElectionKey />
      </aside>
    </main>
  );
}
