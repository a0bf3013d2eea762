import { ASSIST_LEVELS, ENFORCEMENTS } from "@quorum/shared";
import { useI18n } from "../../i18n.tsx";
import { usePreloadedElectionDrawing } from "../../network/election/ElectionDrawing.tsx";
import { timeoutText } from "./ElectionSettings.tsx";
import {
  CLUSTER_SIZES,
  clusterSizes,
  ELECTION_TIMEOUTS,
  type ElectionPlan,
  type TimeoutChoice,
} from "./plan.ts";

interface Props {
  plan: ElectionPlan;
  /** The round's node count: how the class splits into clusters. */
  nodes: number;
  onChange(plan: ElectionPlan): void;
}

/** §3.2 setup, the clusters: how many servers each has, or one cluster of the whole class. */
export function ElectionClusterFields({ plan, nodes, onChange }: Props) {
  const { t, number } = useI18n();
  const update = (change: Partial<ElectionPlan>) => onChange({ ...plan, ...change });
  const sizes = clusterSizes(plan, nodes);
  usePreloadedElectionDrawing(true);
  return (
    <>
      <div class="field">
        <label for="setup-cluster-size">{t("teach.election.setup.clusterSize")}</label>
        <input
          id="setup-cluster-size"
          class="input input--number"
          type="number"
          min={CLUSTER_SIZES.min}
          max={CLUSTER_SIZES.max}
          value={plan.clusterSize}
          disabled={plan.wholeClass}
          aria-describedby="setup-clusters-hint"
          onChange={(event) => {
            const value = Math.round(Number(event.currentTarget.value));
            const size = Number.isFinite(value) ? value : CLUSTER_SIZES.min;
            update({ clusterSize: Math.min(CLUSTER_SIZES.max, Math.max(CLUSTER_SIZES.min, size)) });
          }}
        />
        <p id="setup-clusters-hint" class="field__hint" data-testid="cluster-split">
          {sizes.length === 1
            ? t("teach.election.setup.oneCluster", { size: number(sizes[0] ?? 0) })
            : t("teach.election.setup.clusters", {
                count: number(sizes.length),
                sizes: sizes.map((size) => number(size)).join(", "),
              })}
        </p>
      </div>
      <label class="check">
        <input
          type="checkbox"
          checked={plan.wholeClass}
          onChange={(event) => update({ wholeClass: event.currentTarget.checked })}
        />
        <span>
          <strong>{t("teach.election.setup.wholeClass")}</strong>
          <span class="choice__hint">{t("teach.election.setup.wholeClassHint")}</span>
        </span>
      </label>
    </>
  );
}

/** E8, E7, E2 setup: how much the engine plays, whether it enforces the rules, the timeouts. */
export function ElectionRuleFields({ plan, onChange }: Omit<Props, "nodes">) {
  const words = useI18n();
  const { t } = words;
  const update = (change: Partial<ElectionPlan>) => onChange({ ...plan, ...change });
  return (
    <>
      <fieldset class="field choice">
        <legend>{t("teach.election.setup.assist")}</legend>
        {ASSIST_LEVELS.map((assist) => (
          <label key={assist} class="choice__option">
            <input
              type="radio"
              name="election-assist"
              value={assist}
              checked={plan.assist === assist}
              onChange={() => update({ assist })}
            />
            <span>{t(`election.assist.${assist}`)}</span>
          </label>
        ))}
      </fieldset>
      <fieldset class="field choice">
        <legend>{t("teach.election.setup.enforcement")}</legend>
        {ENFORCEMENTS.map((enforcement) => (
          <label key={enforcement} class="choice__option">
            <input
              type="radio"
              name="election-enforcement"
              value={enforcement}
              checked={plan.enforcement === enforcement}
              onChange={() => update({ enforcement })}
            />
            <span>{t(`election.enforcement.${enforcement}`)}</span>
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for="setup-timeout">{t("teach.election.setup.timeout")}</label>
        <select
          id="setup-timeout"
          class="input"
          value={plan.timeout}
          aria-describedby="setup-timeout-hint"
          onChange={(event) => update({ timeout: event.currentTarget.value as TimeoutChoice })}
        >
          {(Object.keys(ELECTION_TIMEOUTS) as TimeoutChoice[]).map((choice) => (
            <option key={choice} value={choice}>
              {timeoutText(ELECTION_TIMEOUTS[choice], choice, words)}
            </option>
          ))}
        </select>
        <p id="setup-timeout-hint" class="field__hint">
          {t("teach.election.settings.timeoutHint")}
        </p>
      </div>
    </>
  );
}
