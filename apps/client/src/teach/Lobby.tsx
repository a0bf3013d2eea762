import type { HostCommand } from "@quorum/shared/platform/protocol";
import type { ComponentChildren } from "preact";
import { usePreloadedLiveDrawing } from "../network/LiveNetworkView.tsx";
import type { ClassroomView } from "./classroom.ts";
import { PlayerList } from "./PlayerList.tsx";
import { configureCommand, type RoundPlan, RoundSetup } from "./RoundSetup.tsx";

interface Props {
  notices: ComponentChildren;
  join: ComponentChildren;
  view: ClassroomView;
  plan: RoundPlan;
  onPlan(plan: RoundPlan): void;
  starting: boolean;
  onStart(configure: HostCommand): void;
  send(command: HostCommand): void;
}

/** P5 lobby: the join code for the class, who is in, and the next round's settings. */
export function Lobby({ notices, join, view, plan, onPlan, starting, onStart, send }: Props) {
  usePreloadedLiveDrawing();
  return (
    <main class="console console--lobby">
      <div class="console__notices">{notices}</div>
      <div class="console__join">{join}</div>
      <PlayerList
        players={view.players}
        rename={(player, nickname) => send({ type: "rename", player, nickname })}
        remove={(player) => send({ type: "remove", player })}
      />
      <RoundSetup
        plan={plan}
        players={view.players.length}
        onChange={onPlan}
        starting={starting}
        onStart={() => onStart(configureCommand(plan))}
      />
    </main>
  );
}
