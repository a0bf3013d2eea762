import { ASSIST_LEVELS, type ElectionHostAction, ENFORCEMENTS } from "@quorum/shared";
import { TICKS_PER_SECOND } from "@quorum/shared/engine/time";
import type { HostCommand } from "@quorum/shared/platform/protocol";
import { useI18n } from "../../i18n.tsx";
import type { Words } from "../debrief/lessons.ts";
import { useAsked } from "../useAsked.ts";
import type { ElectionBoardView } from "./board.ts";
import { ELECTION_TIMEOUTS, type TimeoutChoice, timeoutChoiceOf } from "./plan.ts";

type Settings = Omit<Extract<ElectionHostAction, { type: "configure" }>, "type">;

interface Props {
  board: ElectionBoardView;
  send(command: HostCommand): void;
}

/**
 * E7, E8, E2 while the round runs (the mode's `configure` action): how much the engine plays for
 * the students, whether it enforces Raft's rules, and the range election timeouts are drawn
 * from. Each change applies at the next tick; the phones follow.
 */
export function ElectionSettings({ board, send }: Props) {
  const words = useI18n();
  const { t } = words;
  const change = (settings: Settings) =>
    send({ type: "mode", action: { type: "configure", ...settings } });
  const timeout = timeoutChoiceOf(board.electionTimeout);
  const [assist, askAssist] = useAsked(board.assist);
  const [enforcement, askEnforcement] = useAsked(board.enforcement);

  return (
    <section class="card settings" aria-labelledby="election-settings-title">
      <h2 id="election-settings-title">{t("teach.election.settings.title")}</h2>
      <div class="field">
        <label for="election-assist">{t("teach.election.setup.assist")}</label>
        <select
          id="election-assist"
          class="input"
          value={assist}
          onChange={(event) => {
            const level = event.currentTarget.value as ElectionBoardView["assist"];
            askAssist(level);
            change({ assist: level });
          }}
        >
          {ASSIST_LEVELS.map((level) => (
            <option key={level} value={level}>
              {t(`election.assist.${level}`)}
            </option>
          ))}
        </select>
      </div>
      <fieldset class="field choice choice--compact">
        <legend>{t("teach.election.setup.enforcement")}</legend>
        {ENFORCEMENTS.map((choice) => (
          <label key={choice} class="choice__option">
            <input
              type="radio"
              name="election-enforcement"
              value={choice}
              checked={enforcement === choice}
              onChange={() => {
                askEnforcement(choice);
                change({ enforcement: choice });
              }}
            />
            <span>{t(`election.enforcement.${choice}`)}</span>
          </label>
        ))}
        {enforcement === "permissive" && (
          <p class="field__hint">{t("teach.election.settings.permissiveHint")}</p>
        )}
      </fieldset>
      <div class="field">
        <label for="election-timeout">{t("teach.election.setup.timeout")}</label>
        <select
          id="election-timeout"
          class="input"
          value={timeout ?? "custom"}
          aria-describedby="election-timeout-hint"
          onChange={(event) => {
            const choice = event.currentTarget.value as TimeoutChoice;
            const range = ELECTION_TIMEOUTS[choice];
            if (range) change({ electionTimeout: [...range] });
          }}
        >
          {timeout === null && (
            <option value="custom">{timeoutText(board.electionTimeout, "custom", words)}</option>
          )}
          {(Object.keys(ELECTION_TIMEOUTS) as TimeoutChoice[]).map((choice) => (
            <option key={choice} value={choice}>
              {timeoutText(ELECTION_TIMEOUTS[choice], choice, words)}
            </option>
          ))}
        </select>
        <p id="election-timeout-hint" class="field__hint">
          {t("teach.election.settings.timeoutHint")}
        </p>
      </div>
    </section>
  );
}

/** "Medium (8–16 s)". */
export function timeoutText(
  range: readonly [number, number],
  choice: TimeoutChoice | "custom",
  { t, number }: Words,
): string {
  const seconds = (ticks: number) => {
    const value = ticks / TICKS_PER_SECOND;
    return number(value, Number.isInteger(value) ? 0 : 1);
  };
  return t(`teach.election.timeout.${choice}`, { min: seconds(range[0]), max: seconds(range[1]) });
}
