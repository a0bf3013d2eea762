import type { ComponentChildren } from "preact";
import { useMemo, useRef, useState } from "preact/hooks";
import { useI18n } from "../../i18n.tsx";
import { ElectionDrawing } from "../../network/election/ElectionDrawing.tsx";
import type { RingMarks, RingsPicture } from "../../network/election/picture.ts";
import type { ClassroomView } from "../classroom.ts";
import { type FaultDraft, FaultPanel, withGroup } from "../FaultPanel.tsx";
import { FaultLegend } from "../RoundFigures.tsx";
import { RunControls } from "../RunControls.tsx";
import type { Classroom } from "../useClassroom.ts";
import { type ElectionBoardView, raftNodeLabel } from "./board.ts";
import { ClusterCards } from "./ClusterCards.tsx";
import { CommandForm } from "./CommandForm.tsx";
import { ringsPictureOf } from "./drawing.ts";
import { ElectionKey } from "./ElectionKey.tsx";
import { ElectionSettings } from "./ElectionSettings.tsx";
import { TimelineKey } from "./TermTimeline.tsx";
import { Violations } from "./Violations.tsx";
import "./election.css";

interface Props {
  notices: ComponentChildren;
  join: ComponentChildren;
  classroom: Classroom;
  view: ClassroomView;
}

/**
 * P5 running and paused, for a leader-election round: the clusters as rings beside the
 * controls — run, client commands (E6), rules (E7, E8, E2) and faults (N7) — with each
 * cluster's leader, term and timeline, the faults in force and the safety checker's findings.
 */
export function ElectionStage({ notices, join, classroom, view }: Props) {
  const { t } = useI18n();
  const board = view.election;
  const [draft, setDraft] = useState<FaultDraft>({
    mode: "fault",
    node: null,
    link: null,
    groups: new Map(),
  });
  const marks = useMemo<RingMarks>(
    () => ({ selectedNode: draft.node, draftGroups: draft.groups }),
    [draft.node, draft.groups],
  );

  const onPickNode = (node: number) => {
    if (!board) return;
    if (draft.mode !== "fault") {
      const group = draft.mode === "group-1" ? 1 : 2;
      const now = draft.groups.get(node) === group ? 0 : group;
      setDraft({ ...draft, groups: withGroup(draft.groups, node, now) });
      return;
    }
    // N4 by click: the chosen server crashes or restarts at once; the fault panel shows which.
    const up = board.nodes[node]?.up ?? true;
    classroom.send({ type: "fault", fault: { type: up ? "crash" : "restart", node } });
    setDraft({ ...draft, node });
  };

  return (
    <main class="console console--running console--election">
      <div class="console__stage">
        {notices}
        <RingsView
          class="console__network"
          board={board}
          classroom={classroom}
          marks={marks}
          onPickNode={onPickNode}
        />
        <p class="console__hint">
          {draft.mode === "fault"
            ? t("teach.election.stage.clickHint")
            : t("teach.stage.groupHint")}
        </p>
        <ElectionKey />
        {board && (
          <div class="election-figures">
            <ClusterCards board={board} />
            <div class="election-figures__side">
              <TimelineKey />
              <FaultLegend faults={board.faults} />
              <Violations
                violations={board.violations}
                enforcement={board.enforcement}
                nodeName={(node) => raftNodeLabel(board.nodes, node)}
              />
            </div>
          </div>
        )}
      </div>
      <aside class="console__side">
        <RunControls phase={view.phase} speed={view.speed} send={classroom.send} />
        {board && (
          <CommandForm board={board} recent={classroom.raft.commands} send={classroom.send} />
        )}
        {board && <ElectionSettings board={board} send={classroom.send} />}
        {board && (
          <FaultPanel
            round={board}
            draft={draft}
            onDraft={setDraft}
            send={classroom.send}
            burst={false}
          />
        )}
        {join}
      </aside>
    </main>
  );
}

interface RingsViewProps {
  board: ElectionBoardView | null;
  classroom: Classroom;
  marks?: RingMarks;
  onPickNode?(node: number): void;
  class?: string;
}

/** The running election round as rings, as the console and the projector draw it. */
export function RingsView({
  board,
  classroom,
  marks,
  onPickNode,
  class: className,
}: RingsViewProps) {
  const words = useI18n();
  const { t } = words;
  const previous = useRef<RingsPicture | null>(null);
  const picture = useMemo(() => {
    if (!board) return null;
    previous.current = ringsPictureOf(board, previous.current, words);
    return previous.current;
  }, [board, words]);
  return (
    <ElectionDrawing
      class={className}
      picture={picture}
      traffic={classroom.raft}
      clock={classroom.clock}
      marks={marks}
      onPickNode={onPickNode}
      label={
        board
          ? t("teach.election.stage.label", {
              nodes: board.nodes.length,
              clusters: board.clusters.length,
            })
          : t("network.loading")
      }
    />
  );
}
