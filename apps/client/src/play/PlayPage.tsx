import { useEffect, useMemo } from "preact/hooks";
import { useI18n } from "../i18n.tsx";
import type { PlayerSeat } from "../join/joinSession.ts";
import { loadSeat } from "../join/seats.ts";
import type { ConnectionStatus } from "../room/connection.ts";
import { navigate } from "../router.ts";
import { LanguagePicker } from "../ui/LanguagePicker.tsx";
import { Logo } from "../ui/Logo.tsx";
import { ElectionEnded } from "./election/ElectionEnded.tsx";
import { ElectionScreen } from "./election/ElectionScreen.tsx";
import { Countdown, Ended, Gone, Lobby } from "./Phases.tsx";
import { RouterScreen } from "./RouterScreen.tsx";
import { nameOf, type PlayerRoom, usePlayerRoom } from "./usePlayerRoom.ts";
import "./play.css";

/** `/play/:code` (P4 player view): this device's node in the session, if it holds a seat. */
export function PlayPage({ joinCode }: { joinCode: string }) {
  const seat = useMemo(() => loadSeat(joinCode), [joinCode]);
  useEffect(() => {
    // No seat on this device: the join form, with the code filled in.
    if (!seat) navigate(`/join/${encodeURIComponent(joinCode)}`, { replace: true });
  }, [seat, joinCode]);
  return seat ? <Playing key={joinCode} joinCode={joinCode} seat={seat} /> : null;
}

function Playing({ joinCode, seat }: { joinCode: string; seat: PlayerSeat }) {
  const room = usePlayerRoom(joinCode, seat);
  return <PlayView joinCode={joinCode} nickname={seat.nickname} room={room} />;
}

/** Everything the phone shows for a room's state; no connection of its own. */
export function PlayView({
  joinCode,
  nickname,
  room,
}: {
  joinCode: string;
  nickname: string;
  room: PlayerRoom;
}) {
  const { t } = useI18n();
  const { screen } = room;
  const nodeName = (node: number) => nameOf(screen, node, t);
  useEffect(() => {
    document.title = `${screen?.nickname ?? nickname} · ${t("app.name")}`;
  }, [screen?.nickname, nickname, t]);

  if (room.gone) return <Gone reason={room.gone} joinCode={joinCode} />;
  const running = screen?.phase === "running" || screen?.phase === "paused";
  // The round's mode picks its screen (state.mode); each needs this player's node in the round.
  const election = running && screen?.mode === "election" ? screen.election : null;
  const view = running && screen?.mode !== "election" ? (screen?.view ?? null) : null;
  const debrief = room.debrief;
  return (
    <div class={`play play--${screen?.phase ?? "connecting"}`}>
      <PlayBar nickname={screen?.nickname ?? nickname} room={room} />
      <ConnectionBanner status={room.status} />
      {!screen ? (
        <main class="play-main play-main--centred" aria-busy="true">
          <p class="play-lead">{t("play.connecting")}</p>
        </main>
      ) : election ? (
        <main class="play-main play-main--router">
          <ElectionScreen
            view={election}
            heartbeatInterval={screen.heartbeatInterval}
            paused={screen.phase === "paused"}
            connected={room.status === "connected"}
            nodeName={nodeName}
            room={room}
          />
        </main>
      ) : view ? (
        <main class="play-main play-main--router">
          <RouterScreen
            view={view}
            nickname={screen.nickname}
            paused={screen.phase === "paused"}
            connected={room.status === "connected"}
            nodeName={nodeName}
            room={room}
          />
        </main>
      ) : screen.phase === "ended" ? (
        <main class="play-main">
          {screen.mode === "election" ? (
            <ElectionEnded
              screen={screen}
              debrief={debrief?.mode === "election" ? debrief : null}
            />
          ) : (
            <Ended screen={screen} debrief={debrief?.mode === "routing" ? debrief : null} />
          )}
          <LanguagePicker />
        </main>
      ) : screen.phase === "countdown" ? (
        <main class="play-main play-main--centred">
          <Countdown seconds={screen.countdown} screen={screen} />
        </main>
      ) : (
        <main class="play-main">
          <Lobby screen={screen} />
          <LanguagePicker />
        </main>
      )}
    </div>
  );
}

/**
 * The top line: who you are, and once a round runs your score and the class's delivery rate
 * (routing) or your cluster (election).
 */
function PlayBar({ nickname, room }: { nickname: string; room: PlayerRoom }) {
  const { t, number } = useI18n();
  // The end screen shows the figures large; the running round keeps them up here.
  const screen = room.screen?.phase === "ended" ? null : room.screen;
  const view = screen?.mode === "election" ? null : screen?.view;
  const server = screen?.mode === "election" ? screen.election : null;
  return (
    <header class="play-bar">
      <Logo size={32} />
      <span class="play-bar__name">{nickname}</span>
      {server && (
        <dl class="play-bar__stats">
          <div class="stat">
            <dt>{t("play.election.cluster")}</dt>
            <dd>{number(server.cluster + 1)}</dd>
          </div>
        </dl>
      )}
      {view && (
        <dl class="play-bar__stats">
          <div class="stat">
            <dt>{t("play.score")}</dt>
            <dd>
              <span aria-hidden="true">★ </span>
              {number(view.score)}
            </dd>
          </div>
          <div class="stat">
            <dt>{t("play.delivery")}</dt>
            <dd>{t("play.percent", { value: number(view.deliveryRate * 100) })}</dd>
          </div>
        </dl>
      )}
    </header>
  );
}

/** P3: says so while the seat is being won back, and stays out of the way otherwise. */
function ConnectionBanner({ status }: { status: ConnectionStatus }) {
  const { t } = useI18n();
  if (status !== "reconnecting" && status !== "offline") return null;
  return (
    <p
      class={`banner banner--${status === "offline" ? "problem" : "info"} connection`}
      role="status"
    >
      <span class="connection__icon" aria-hidden="true" />
      {t(status === "offline" ? "play.status.offline" : "play.status.reconnecting")}
    </p>
  );
}
