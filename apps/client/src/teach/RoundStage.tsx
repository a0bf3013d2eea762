import type { ComponentChildren } from "preact";
import { useMemo, useState } from "preact/hooks";
import { useI18n } from "../i18n.tsx";
import type { Marks } from "../network/live.ts";
import type { ClassroomView } from "./classroom.ts";
import { type FaultDraft, FaultPanel, withGroup } from "./FaultPanel.tsx";
import { Counters, DrawingKey, FaultLegend } from "./RoundFigures.tsx";
import { RoundNetwork } from "./RoundNetwork.tsx";
import { RoundSettings } from "./RoundSettings.tsx";
import { RunControls } from "./RunControls.tsx";
import type { Classroom } from "./useClassroom.ts";

interface Props {
  notices: ComponentChildren;
  join: ComponentChildren;
  classroom: Classroom;
  view: ClassroomView;
}

/** P5 running and paused: the live network with its counters beside the controls and faults. */
export function RoundStage({ notices, join, classroom, view }: Props) {
  const { t } = useI18n();
  const round = view.round;
  const [draft, setDraft] = useState<FaultDraft>({
    mode: "fault",
    node: null,
    link: null,
    groups: new Map(),
  });
  const marks = useMemo<Marks>(
    () => ({ selectedNode: draft.node, selectedLink: draft.link, draftGroups: draft.groups }),
    [draft.node, draft.link, draft.groups],
  );

  const onPick = (pick: { kind: "node"; node: number } | { kind: "link"; link: number }) => {
    if (!round) return;
    if (pick.kind === "node" && draft.mode !== "fault") {
      const group = draft.mode === "group-1" ? 1 : 2;
      const now = draft.groups.get(pick.node) === group ? 0 : group;
      setDraft({ ...draft, groups: withGroup(draft.groups, pick.node, now) });
      return;
    }
    // N7 by click: the chosen node or link changes state at once; the DOM controls show which.
    if (pick.kind === "node") {
      const up = round.nodes[pick.node]?.up ?? true;
      classroom.send({ type: "fault", fault: { type: up ? "crash" : "restart", node: pick.node } });
      setDraft({ ...draft, node: pick.node });
    } else {
      const up = round.links[pick.link]?.up ?? true;
      classroom.send({ type: "fault", fault: { type: up ? "cut" : "heal-link", link: pick.link } });
      setDraft({ ...draft, link: pick.link });
    }
  };

  return (
    <main class="console console--running">
      <div class="console__stage">
        {notices}
        <RoundNetwork
          class="console__network"
          round={round}
          classroom={classroom}
          marks={marks}
          onPick={onPick}
        />
        <p class="console__hint">
          {draft.mode === "fault" ? t("teach.stage.clickHint") : t("teach.stage.groupHint")}
        </p>
        <DrawingKey />
        {round && (
          <div class="console__figures">
            <Counters counters={round.counters} />
            <FaultLegend faults={round.faults} />
          </div>
        )}
      </div>
      <aside class="console__side">
        <RunControls phase={view.phase} speed={view.speed} send={classroom.send} />
        {round && (
          <FaultPanel round={round} draft={draft} onDraft={setDraft} send={classroom.send} />
        )}
        {round && <RoundSettings round={round} send={classroom.send} />}
        {join}
      </aside>
    </main>
  );
}
