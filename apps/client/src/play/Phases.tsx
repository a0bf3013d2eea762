import { COUNTDOWN_SECONDS } from "@quorum/shared/platform/protocol";
import { useEffect, useState } from "preact/hooks";
import { useI18n } from "../i18n.tsx";
import { followLink } from "../router.ts";
import { Logo } from "../ui/Logo.tsx";
import type { PlayerScreen, RoutingDebriefFigures } from "./screen.ts";
import type { PlayerRoom } from "./usePlayerRoom.ts";

/** P5 lobby: you are in, and who you are. */
export function Lobby({ screen }: { screen: PlayerScreen }) {
  const { t, number } = useI18n();
  return (
    <section class="card play-card" aria-labelledby="lobby-title">
      <h1 id="lobby-title" class="play-title">
        <span aria-hidden="true">✓ </span>
        {t("play.lobby.title")}
      </h1>
      <p class="play-lead">{t("play.lobby.waiting")}</p>
      <p class="play-you">
        <span>{t("play.lobby.you")}</span>
        <strong>{screen.nickname}</strong>
      </p>
      <p>{t("play.lobby.players", { count: number(screen.players) })}</p>
      <p class="play-howto">{t(howTo(screen))}</p>
    </section>
  );
}

/** What the configured round asks of a student (state.mode; routing until configured). */
function howTo(screen: PlayerScreen | null) {
  return screen?.mode === "election" ? "play.election.howTo" : "play.lobby.howTo";
}

/** P5 countdown: the server's seconds when it sends them, else a local count from the protocol's. */
export function Countdown({
  seconds,
  screen = null,
}: {
  seconds: number | null;
  screen?: PlayerScreen | null;
}) {
  const { t } = useI18n();
  const [local, setLocal] = useState(COUNTDOWN_SECONDS);
  useEffect(() => {
    const timer = setInterval(() => setLocal((left) => Math.max(1, left - 1)), 1000);
    return () => clearInterval(timer);
  }, []);
  const shown = Math.max(1, Math.ceil(seconds ?? local));
  return (
    <section class="countdown" aria-live="polite">
      <p class="countdown__label">{t("play.countdown.label")}</p>
      <p class="countdown__number">{shown}</p>
      <p class="play-howto">{t(howTo(screen))}</p>
    </section>
  );
}

/** P5 ended, R9 for one student: their score, the class's delivery rate, what it teaches. */
export function Ended({
  screen,
  debrief,
}: {
  screen: PlayerScreen;
  debrief: RoutingDebriefFigures | null;
}) {
  const { t, number } = useI18n();
  const view = screen.view;
  const score = debrief?.score ?? view?.score ?? 0;
  const rate = debrief?.deliveryRate ?? view?.deliveryRate ?? 0;
  return (
    <section class="card play-card debrief" aria-labelledby="ended-title">
      <h1 id="ended-title" class="play-title">
        {t("play.ended.title")}
      </h1>
      <dl class="debrief__figures">
        <div>
          <dt>{t("play.score")}</dt>
          <dd>
            <span aria-hidden="true">★ </span>
            {number(score)}
          </dd>
        </div>
        <div>
          <dt>{t("play.delivery")}</dt>
          <dd>{t("play.percent", { value: number(rate * 100) })}</dd>
        </div>
      </dl>
      {debrief && debrief.generated > 0 && (
        <p>
          {t("play.ended.delivered", {
            delivered: number(debrief.delivered),
            generated: number(debrief.generated),
          })}
        </p>
      )}
      {debrief?.baselineRate != null && debrief.generated > 0 && (
        <p>
          {t("play.ended.baseline", {
            rate: t("play.percent", { value: number(debrief.baselineRate * 100) }),
          })}
        </p>
      )}
      {view && <p class="debrief__lesson">{t(`play.ended.lesson.${view.variant}`)}</p>}
      <p class="play-howto">{t("play.ended.next")}</p>
    </section>
  );
}

const GONE = {
  removed: ["play.end.removed.title", "play.end.removed.text"],
  refused: ["play.end.refused.title", "play.end.refused.text"],
  over: ["play.end.gone.title", "play.end.gone.text"],
  replaced: ["play.end.replaced.title", "play.end.replaced.text"],
} as const;

/** The seat is gone for good; the token is forgotten, joining again starts afresh. */
export function Gone({
  reason,
  joinCode,
}: {
  reason: NonNullable<PlayerRoom["gone"]>;
  joinCode: string;
}) {
  const { t } = useI18n();
  const [title, text] = GONE[reason];
  const joinPath = `/join/${encodeURIComponent(joinCode)}`;
  return (
    <div class="play play--gone">
      <header class="play-bar">
        <a class="brand" href="/" onClick={followLink}>
          <Logo size={32} />
          <span>{t("app.name")}</span>
        </a>
      </header>
      <main class="play-main play-main--centred">
        <section class="card play-card" aria-labelledby="gone-title" role="alert">
          <h1 id="gone-title" class="play-title">
            {reason === "removed" || reason === "refused" ? (
              <span aria-hidden="true">✕ </span>
            ) : null}
            {t(title)}
          </h1>
          <p>{t(text, { code: joinCode })}</p>
          {reason === "replaced" ? (
            // The seat is still this device's: a reload takes the node back.
            <button type="button" class="button button--primary" onClick={() => location.reload()}>
              {t("play.playHere")}
            </button>
          ) : (
            <a
              class="button button--primary"
              href={reason === "over" ? "/" : joinPath}
              onClick={followLink}
            >
              {reason === "over" ? t("host.back") : t("play.joinAgain")}
            </a>
          )}
        </section>
      </main>
    </div>
  );
}
