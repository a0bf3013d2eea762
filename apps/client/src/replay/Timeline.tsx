import { useI18n } from "../i18n.tsx";
import { familyOf, type Marker, nextMarker, previousMarker } from "./markers.ts";
import {
  clockOf,
  type Playback,
  type PlaybackCommand,
  REPLAY_SPEEDS,
  type ReplaySpeed,
} from "./playback.ts";

interface Props {
  playback: Playback;
  markers: readonly Marker[];
  dispatch(command: PlaybackCommand): void;
  /** The events at the shown tick, as sentences (announced to screen readers). */
  here: readonly string[];
  hash: string;
}

/**
 * The replay's transport (P7: real labelled controls): play and pause, one tick back and forth,
 * the previous and next event, the speed, and a scrubber with the round's events marked on it.
 */
export function Timeline({ playback, markers, dispatch, here, hash }: Props) {
  const { t, number } = useI18n();
  const { tick, endTick, playing, speed } = playback;
  const previous = previousMarker(markers, tick);
  const next = nextMarker(markers, tick);
  const total = clockOf(endTick);
  const jump = (marker: Marker | null) => {
    if (!marker) return;
    dispatch({ type: "pause" });
    dispatch({ type: "seek", tick: marker.tick });
  };

  return (
    <section class="timeline" aria-label={t("replay.viewer.scrubber")}>
      <div class="timeline__controls">
        <div class="timeline__buttons">
          <button
            type="button"
            class="button button--secondary timeline__button"
            disabled={!previous}
            aria-keyshortcuts="Shift+ArrowLeft"
            onClick={() => jump(previous)}
          >
            <span aria-hidden="true">◀</span> {t("replay.viewer.previousEvent")}
          </button>
          <button
            type="button"
            class="button button--secondary timeline__button timeline__button--step"
            disabled={tick === 0}
            aria-label={t("replay.viewer.stepBack")}
            title={t("replay.viewer.stepBack")}
            aria-keyshortcuts="ArrowLeft"
            onClick={() => dispatch({ type: "step", by: -1 })}
          >
            −1
          </button>
          <button
            type="button"
            class="button button--primary timeline__play"
            aria-keyshortcuts="Space"
            onClick={() => dispatch({ type: "toggle" })}
          >
            {playing ? `❚❚ ${t("replay.viewer.pause")}` : `▶ ${t("replay.viewer.play")}`}
          </button>
          <button
            type="button"
            class="button button--secondary timeline__button timeline__button--step"
            disabled={tick === endTick}
            aria-label={t("replay.viewer.stepForward")}
            title={t("replay.viewer.stepForward")}
            aria-keyshortcuts="ArrowRight"
            onClick={() => dispatch({ type: "step", by: 1 })}
          >
            +1
          </button>
          <button
            type="button"
            class="button button--secondary timeline__button"
            disabled={!next}
            aria-keyshortcuts="Shift+ArrowRight"
            onClick={() => jump(next)}
          >
            {t("replay.viewer.nextEvent")} <span aria-hidden="true">▶</span>
          </button>
        </div>
        <fieldset class="speed timeline__speed" aria-labelledby="replay-speed">
          <span id="replay-speed" class="timeline__speed-label">
            {t("replay.viewer.speed")}
          </span>
          {REPLAY_SPEEDS.map((option: ReplaySpeed) => (
            <label key={option} class="speed__option">
              <input
                type="radio"
                name="replay-speed"
                value={option}
                checked={speed === option}
                onChange={() => dispatch({ type: "speed", speed: option })}
              />
              <span>
                {t("teach.run.speedValue", { value: number(option, decimalsOf(option)) })}
              </span>
            </label>
          ))}
        </fieldset>
      </div>
      <div class="scrubber">
        <input
          class="scrubber__range"
          type="range"
          min={0}
          max={endTick}
          step={1}
          value={tick}
          style={{ "--played": endTick === 0 ? 0 : tick / endTick }}
          aria-label={t("replay.viewer.scrubber")}
          aria-valuetext={t("replay.viewer.position", {
            time: clockOf(tick),
            total,
            tick: number(tick),
          })}
          aria-keyshortcuts="Shift+ArrowLeft Shift+ArrowRight"
          onInput={(event) => dispatch({ type: "seek", tick: Number(event.currentTarget.value) })}
          onKeyDown={(event) => {
            // Shift with an arrow jumps between events; plain arrows step a tick (native).
            if (!event.shiftKey || (event.key !== "ArrowLeft" && event.key !== "ArrowRight"))
              return;
            event.preventDefault();
            jump(event.key === "ArrowLeft" ? previous : next);
          }}
        />
        <div class="scrubber__marks" aria-hidden="true">
          {markers.map((marker, index) => (
            <span
              key={index}
              class={`scrubber__mark scrubber__mark--${familyOf(marker.event)}${
                marker.tick === tick ? " scrubber__mark--here" : ""
              }`}
              style={{ "--at": endTick === 0 ? 0 : marker.tick / endTick }}
            />
          ))}
        </div>
      </div>
      <div class="timeline__status">
        <p class="timeline__here" aria-live="polite">
          {here.join(" · ")}
        </p>
        <p class="timeline__time">
          <strong data-testid="replay-time">
            {clockOf(tick)} / {total}
          </strong>
          <span class="timeline__tick">
            {t("replay.viewer.tick", { tick: number(tick), end: number(endTick) })}
          </span>
          <span class="timeline__hash" title={t("replay.viewer.hash")}>
            <span class="visually-hidden">{t("replay.viewer.hash")}: </span>
            <span aria-hidden="true"># </span>
            <code data-testid="replay-hash">{hash.slice(0, 8)}</code>
          </span>
        </p>
      </div>
    </section>
  );
}

/** 0.25 → 2, 0.5 → 1, 4 → 0: as many digits as the speed has. */
function decimalsOf(value: number): number {
  return String(value).split(".")[1]?.length ?? 0;
}
