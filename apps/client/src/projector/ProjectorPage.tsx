import { useEffect, useMemo } from "preact/hooks";
import { useI18n } from "../i18n.tsx";
import { usePreloadedElectionDrawing } from "../network/election/ElectionDrawing.tsx";
import { usePreloadedLiveDrawing } from "../network/LiveNetworkView.tsx";
import { ConnectionNotice } from "../teach/ConnectionNotice.tsx";
import { Debrief } from "../teach/Debrief.tsx";
import { ElectionDebrief } from "../teach/election/ElectionDebrief.tsx";
import { ElectionProjector } from "../teach/election/ElectionProjector.tsx";
import { QrCode } from "../teach/QrCode.tsx";
import { Counters, DrawingKey, FaultLegend } from "../teach/RoundFigures.tsx";
import { RoundNetwork } from "../teach/RoundNetwork.tsx";
import { useClassroom } from "../teach/useClassroom.ts";
import { Logo } from "../ui/Logo.tsx";
import "../teach/teach.css";

interface Props {
  sessionId: string;
  token: string | null;
  /** The students' join URL, handed over by the console that opened this view. */
  join: string | null;
}

/**
 * /projector/:sessionId?token=… (P4): the read-only view for the classroom's big screen, made
 * to be read from the back row at 1920×1080. It has no controls: the teacher's laptop has them.
 */
export function ProjectorPage({ sessionId, token, join }: Props) {
  const { t } = useI18n();
  const tokenFn = useMemo(() => (token ? () => Promise.resolve(token) : null), [token]);
  const classroom = useClassroom(token ? sessionId : null, tokenFn);
  const { view } = classroom;
  const round = view?.round ?? null;
  usePreloadedLiveDrawing();
  usePreloadedElectionDrawing(view?.mode === "election");

  useEffect(() => {
    document.title = view?.joinCode ? `${view.joinCode} · ${t("app.name")}` : t("app.name");
    // A read-only screen nobody scrolls.
    document.documentElement.classList.add("projector-root");
    return () => document.documentElement.classList.remove("projector-root");
  }, [view?.joinCode, t]);

  if (!token) {
    return (
      <div class="projector projector--message">
        <p class="notice notice--problem">{t("projector.noToken")}</p>
      </div>
    );
  }
  const joinUrl = view?.joinUrl ?? trustedJoinUrl(join, view?.joinCode ?? null);
  const address = joinUrl?.replace(/^https?:\/\//, "") ?? null;
  // The bar during a round: the server's address and the code, as the landing page asks them.
  const host = joinUrl ? new URL(joinUrl).host : null;
  const phase = view?.phase ?? null;

  return (
    <div class={`projector projector--${phase ?? "waiting"}`} data-phase={phase ?? "waiting"}>
      <header class="projector__bar">
        <span class="brand projector__brand">
          <Logo size={48} />
          <span>{t("app.name")}</span>
        </span>
        {view?.joinCode && phase !== "lobby" && (
          <span class="projector__join-small">
            {host
              ? t("projector.joinSmall", { address: host, code: view.joinCode })
              : t("projector.codeOnly", { code: view.joinCode })}
          </span>
        )}
        {phase === "paused" && (
          <span class="phase-badge phase-badge--paused projector__paused">
            {t("teach.phase.paused")}
          </span>
        )}
        {(phase === "running" || phase === "paused") && view && view.speed !== 1 && (
          <span class="projector__speed">{t("teach.run.speedValue", { value: view.speed })}</span>
        )}
      </header>
      <ConnectionNotice status={classroom.status} end={classroom.end} />
      {!view && <p class="projector__waiting">{t("teach.console.connecting")}</p>}
      {phase === "lobby" && view && (
        <main class="projector__lobby">
          <section class="projector__join">
            <h1>{t("projector.joinTitle")}</h1>
            <p class="projector__address">{address}</p>
            <p class="projector__code-label">{t("projector.codeLabel")}</p>
            <p class="projector__code" data-testid="projector-code">
              {view.joinCode}
            </p>
          </section>
          {joinUrl && (
            <QrCode
              class="projector__qr"
              text={joinUrl}
              label={t("teach.join.qrLabel", { url: address ?? "" })}
            />
          )}
          <section class="projector__players" aria-live="polite">
            <h2>{t("projector.players", { count: view.players.length })}</h2>
            <ul>
              {view.players.map((player) => (
                <li key={player.id}>{player.nickname}</li>
              ))}
            </ul>
          </section>
        </main>
      )}
      {phase === "countdown" && view && (
        <main class="projector__countdown">
          <span class="countdown__label">{t("teach.console.startsIn")}</span>
          <span class="countdown__number">{view.countdown ?? ""}</span>
        </main>
      )}
      {(phase === "running" || phase === "paused") && view?.mode === "election" && (
        <ElectionProjector classroom={classroom} board={view.election} />
      )}
      {(phase === "running" || phase === "paused") && view?.mode !== "election" && (
        <main class="projector__round">
          <RoundNetwork class="projector__network" round={round} classroom={classroom} />
          <aside class="projector__side">
            {round && <Counters counters={round.counters} size="large" />}
            {round && <FaultLegend faults={round.faults} />}
            <DrawingKey />
          </aside>
        </main>
      )}
      {phase === "ended" && (
        <main class="projector__debrief">
          {view?.mode === "election" && classroom.electionSummary ? (
            <ElectionDebrief summary={classroom.electionSummary} size="large" />
          ) : view?.mode !== "election" && classroom.summary ? (
            <Debrief summary={classroom.summary} size="large" />
          ) : (
            <p class="projector__waiting">{t("teach.debrief.waiting")}</p>
          )}
        </main>
      )}
    </div>
  );
}

/**
 * The join URL from the address, shown (and made into a QR code) only when it is a plain web
 * address that ends in this session's own code: a doctored link cannot send the class elsewhere
 * under this projector's name.
 */
function trustedJoinUrl(join: string | null, code: string | null): string | null {
  if (!join || !code) return null;
  try {
    const url = new URL(join);
    const web = url.protocol === "http:" || url.protocol === "https:";
    const ours = url.pathname.endsWith(`/join/${code}`) && !url.search && !url.hash;
    return web && ours ? url.href : null;
  } catch {
    return null;
  }
}
