import { type HostCommand, type Phase, SPEEDS } from "@quorum/shared/platform/protocol";
import { useState } from "preact/hooks";
import { useI18n } from "../i18n.tsx";
import { useAsked } from "./useAsked.ts";

interface Props {
  phase: Phase;
  speed: number;
  send(command: HostCommand): void;
}

/** P5, D7: pause and resume, the speed, and the end of the round. */
export function RunControls({ phase, speed, send }: Props) {
  const { t, number } = useI18n();
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [shown, askSpeed] = useAsked(speed);
  const paused = phase === "paused";
  return (
    <section class="card run" aria-labelledby="run-title">
      <h2 id="run-title">
        {t("teach.run.title")}{" "}
        <span class={`phase-badge phase-badge--${phase}`}>{t(`teach.phase.${phase}`)}</span>
      </h2>
      <div class="run__row">
        <button
          type="button"
          class="button button--primary run__pause"
          onClick={() => send({ type: paused ? "resume" : "pause" })}
        >
          {paused ? `▶ ${t("teach.run.resume")}` : `❚❚ ${t("teach.run.pause")}`}
        </button>
        {confirmEnd ? (
          <span class="run__confirm">
            <button
              type="button"
              class="button button--danger"
              onClick={() => {
                send({ type: "end" });
                setConfirmEnd(false);
              }}
            >
              {t("teach.run.confirmEnd")}
            </button>
            <button
              type="button"
              class="button button--secondary"
              onClick={() => setConfirmEnd(false)}
            >
              {t("teach.cancel")}
            </button>
          </span>
        ) : (
          <button
            type="button"
            class="button button--secondary"
            onClick={() => setConfirmEnd(true)}
          >
            ■ {t("teach.run.end")}
          </button>
        )}
      </div>
      <fieldset class="speed">
        <legend>{t("teach.run.speed")}</legend>
        {SPEEDS.map((option) => (
          <label key={option} class="speed__option">
            <input
              type="radio"
              name="speed"
              value={option}
              checked={shown === option}
              onChange={() => {
                askSpeed(option);
                send({ type: "speed", speed: option });
              }}
            />
            <span>
              {t("teach.run.speedValue", {
                value: number(option, option === 0.25 ? 2 : option < 1 ? 1 : 0),
              })}
            </span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}
