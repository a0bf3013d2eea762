import type { RoutingHostView } from "@quorum/shared";
import { useMemo, useRef } from "preact/hooks";
import { useI18n } from "../i18n.tsx";
import type { Pick } from "../network/LiveNetworkScene.ts";
import { LiveNetworkView } from "../network/LiveNetworkView.tsx";
import type { LiveNetwork, Marks } from "../network/live.ts";
import { liveNetworkOf } from "./classroom.ts";
import type { Classroom } from "./useClassroom.ts";

interface Props {
  round: RoutingHostView | null;
  classroom: Classroom;
  marks?: Marks;
  /** A click on a node or link of the drawing (LiveNetworkView). */
  onPick?(pick: NonNullable<Pick>): void;
  class?: string;
}

/** The running round's network, as the teacher's console and the projector draw it. */
export function RoundNetwork({ round, classroom, marks, onPick, class: className }: Props) {
  const { t } = useI18n();
  const previous = useRef<LiveNetwork | null>(null);
  const network = useMemo(() => {
    if (!round) return null;
    previous.current = liveNetworkOf(round, previous.current, (name) =>
      t("teach.node.away", { name }),
    );
    return previous.current;
  }, [round]);
  return (
    <LiveNetworkView
      class={className}
      network={network}
      traffic={classroom.traffic}
      clock={classroom.clock}
      marks={marks}
      onPick={onPick}
      label={
        round
          ? t("teach.stage.networkLabel", { nodes: round.nodes.length, links: round.links.length })
          : t("network.loading")
      }
    />
  );
}
