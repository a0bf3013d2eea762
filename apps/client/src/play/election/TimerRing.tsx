import type { ElectionView } from "@quorum/shared/modes/election/index";
import { useEffect, useRef } from "preact/hooks";
import { useI18n } from "../../i18n.tsx";
import { DEFAULT_TICK_MS, nextTickMs, ringCount, ringShare } from "./timer.ts";
import { secondsUntil } from "./view.ts";

const RADIUS = 50;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

/**
 * E2: the election timer as a ring that empties as the deadline nears, gliding from one tick to the
 * next at the room's pace; run out, it says so. A leader has no timer (E6): its ring counts to the
 * next heartbeat a follower is due.
 */
export function TimerRing({
  view,
  heartbeatInterval,
}: {
  view: ElectionView;
  heartbeatInterval: number;
}) {
  const { t } = useI18n();
  const tickMs = useTickMs(view.tick);
  const count = ringCount(view, heartbeatInterval);
  // N4: a crashed server's timer means nothing until it restarts: an empty, dashed ring.
  const share = !view.up ? 0 : count ? ringShare(count, view.tick) : 1;
  const seconds = count ? secondsUntil(count.until, view.tick) : 0;
  const out = count !== null && view.tick >= count.until;
  const state = !view.up
    ? "down"
    : count?.kind === "heartbeat"
      ? out
        ? "due"
        : "heartbeat"
      : out
        ? "expired"
        : share < 0.25
          ? "low"
          : "running";
  const heartbeat = count?.kind === "heartbeat";
  const label = !view.up
    ? `${t("play.election.timer.title")}: ${t("play.election.timer.down")}`
    : !count
      ? t("play.election.timer.title")
      : heartbeat
        ? out
          ? t("play.election.heartbeat.ariaNow")
          : t("play.election.heartbeat.aria", { seconds })
        : out
          ? t("play.election.timer.ariaExpired")
          : t("play.election.timer.aria", {
              seconds,
              total: secondsUntil(count.span, 0),
            });
  return (
    <figure class={`ring ring--${state}`} data-state={state}>
      <div class="ring__dial" role="timer" aria-label={label}>
        <svg class="ring__svg" viewBox="0 0 120 120" aria-hidden="true" focusable="false">
          <circle class="ring__track" cx="60" cy="60" r={RADIUS} />
          <circle
            class="ring__value"
            cx="60"
            cy="60"
            r={RADIUS}
            stroke-dasharray={CIRCUMFERENCE}
            style={{
              strokeDashoffset: CIRCUMFERENCE * (1 - share),
              transitionDuration: `${tickMs}ms`,
            }}
          />
        </svg>
        <span class="ring__text" aria-hidden="true">
          {!view.up ? (
            <>
              <span class="ring__mark">✕</span>
              <span class="ring__word">{t("play.election.timer.down")}</span>
            </>
          ) : out ? (
            <>
              <span class="ring__mark">{heartbeat ? "♥" : "!"}</span>
              <span class="ring__word">
                {heartbeat ? t("play.election.heartbeat.now") : t("play.election.timer.expired")}
              </span>
            </>
          ) : count ? (
            <span class="ring__seconds">{t("play.election.timer.seconds", { seconds })}</span>
          ) : null}
        </span>
      </div>
      <figcaption class="ring__caption">
        {heartbeat ? t("play.election.heartbeat.title") : t("play.election.timer.title")}
      </figcaption>
    </figure>
  );
}

/** D7: the room's tick length as this phone sees it, so that the ring glides at the room's speed. */
function useTickMs(tick: number): number {
  const pace = useRef({ ms: DEFAULT_TICK_MS, tick, at: 0 });
  useEffect(() => {
    const now = performance.now();
    const last = pace.current;
    const ms = last.at > 0 ? nextTickMs(last.ms, now - last.at, tick - last.tick) : last.ms;
    pace.current = { ms, tick, at: now };
  }, [tick]);
  return pace.current.ms;
}
