import { ROUTING_VARIANTS, type TopologyPreset } from "@quorum/shared";
import { TICKS_PER_SECOND } from "@quorum/shared/engine/time";
import type { HostCommand, RoomMode } from "@quorum/shared/platform/protocol";
import { useState } from "preact/hooks";
import { useI18n } from "../i18n.tsx";
import { PresetField } from "../network/PresetField.tsx";
import { ElectionClusterFields, ElectionRuleFields } from "./election/ElectionSetup.tsx";
import {
  DEFAULT_ELECTION_PLAN,
  type ElectionPlan,
  electionConfigureCommand,
} from "./election/plan.ts";

type Variant = (typeof ROUTING_VARIANTS)[number];

/**
 * The settings a teacher picks for the next round: the mode, the node count, and the routing
 * round's settings (routingConfigSchema, §3.1) or the election round's (§3.2).
 */
export interface RoundPlan {
  mode: RoomMode;
  election: ElectionPlan;
  preset: TopologyPreset;
  nodes: number;
  variant: Variant;
  /** Packets per second across the network. */
  trafficRate: number;
  /** Null: twice the network's diameter (R1). */
  ttl: number | null;
  hints: boolean;
  /** Percent. */
  loss: number;
  latency: LatencyChoice;
}

/** D7: human-scale link latencies, in ticks (100 ms). */
const LATENCIES = { fast: [3, 8], normal: [5, 15], slow: [10, 30] } as const;
type LatencyChoice = keyof typeof LATENCIES;

/** protocol.ts: a round has 2–500 nodes. */
const MAX_NODES = 500;
const MIN_NODES = 2;

export function defaultPlan(players: number): RoundPlan {
  return {
    mode: "routing",
    election: DEFAULT_ELECTION_PLAN,
    preset: "geometric",
    nodes: Math.max(12, players),
    variant: "unicast",
    trafficRate: 1,
    ttl: null,
    hints: false,
    loss: 0,
    latency: "normal",
  };
}

/** The `configure` command for a plan (protocol.ts). */
export function configureCommand(plan: RoundPlan): HostCommand {
  if (plan.mode === "election") return electionConfigureCommand(plan.election, plan.nodes);
  return {
    type: "configure",
    mode: "routing",
    nodes: plan.nodes,
    config: {
      preset: plan.preset,
      variant: plan.variant,
      trafficRate: plan.trafficRate,
      ttl: plan.ttl,
      hints: plan.hints,
      loss: plan.loss / 100,
      latency: [...LATENCIES[plan.latency]],
    },
  };
}

interface Props {
  plan: RoundPlan;
  players: number;
  onChange(plan: RoundPlan): void;
  onStart(): void;
  starting: boolean;
}

/** P5 "configure": every setting has a default that suits a first lesson. */
export function RoundSetup({ plan, players, onChange, onStart, starting }: Props) {
  const { t, number } = useI18n();
  const update = (change: Partial<RoundPlan>) => onChange({ ...plan, ...change });
  const minNodes = Math.max(MIN_NODES, players);
  const routing = plan.mode === "routing";
  const [ttlText, setTtlText] = useState(plan.ttl === null ? "" : String(plan.ttl));
  const bots = Math.max(0, plan.nodes - players);

  return (
    <form
      class="card setup"
      aria-labelledby="setup-title"
      onSubmit={(event) => {
        event.preventDefault();
        onStart();
      }}
    >
      <h2 id="setup-title">{t("teach.setup.title")}</h2>
      <div class="setup__columns">
        <div class="setup__column">
          <div class="field">
            <label for="setup-mode">{t("teach.setup.mode")}</label>
            <select
              id="setup-mode"
              class="input"
              value={plan.mode}
              aria-describedby="setup-mode-hint"
              onChange={(event) => update({ mode: event.currentTarget.value as RoomMode })}
            >
              <option value="routing">{t("teach.mode.routing")}</option>
              <option value="election">{t("teach.mode.election")}</option>
            </select>
            <p id="setup-mode-hint" class="field__hint">
              {routing ? t("teach.mode.routingHint") : t("teach.mode.electionHint")}
            </p>
          </div>
          {routing && (
            <PresetField
              id="setup-preset"
              preset={plan.preset}
              onChange={(preset) => update({ preset })}
            />
          )}
          <div class="field">
            <label for="setup-nodes">{t("teach.setup.nodes")}</label>
            <input
              id="setup-nodes"
              class="input input--number"
              type="number"
              min={minNodes}
              max={MAX_NODES}
              value={plan.nodes}
              aria-describedby="setup-nodes-hint"
              onChange={(event) => {
                const value = Math.round(Number(event.currentTarget.value));
                update({
                  nodes: Math.min(
                    MAX_NODES,
                    Math.max(minNodes, Number.isFinite(value) ? value : minNodes),
                  ),
                });
              }}
            />
            <p id="setup-nodes-hint" class="field__hint">
              {t("teach.setup.nodesHint", { players, bots })}
            </p>
          </div>
          {!routing && (
            <ElectionClusterFields
              plan={plan.election}
              nodes={plan.nodes}
              onChange={(election) => update({ election })}
            />
          )}
          {routing && (
            <>
              <div class="field">
                <label for="setup-latency">{t("teach.setup.latency")}</label>
                <select
                  id="setup-latency"
                  class="input"
                  value={plan.latency}
                  onChange={(event) =>
                    update({ latency: event.currentTarget.value as LatencyChoice })
                  }
                >
                  {(Object.keys(LATENCIES) as LatencyChoice[]).map((choice) => (
                    <option key={choice} value={choice}>
                      {t(`teach.latency.${choice}`, {
                        min: number(LATENCIES[choice][0] / TICKS_PER_SECOND, 1),
                        max: number(LATENCIES[choice][1] / TICKS_PER_SECOND, 1),
                      })}
                    </option>
                  ))}
                </select>
              </div>
              <div class="field">
                <label for="setup-loss">
                  {t("teach.setup.loss")}:{" "}
                  <output for="setup-loss">{t("teach.percent", { value: plan.loss })}</output>
                </label>
                <input
                  id="setup-loss"
                  class="range"
                  type="range"
                  min={0}
                  max={50}
                  step={5}
                  value={plan.loss}
                  onInput={(event) => update({ loss: Number(event.currentTarget.value) })}
                />
              </div>
            </>
          )}
        </div>
        <div class="setup__column">
          {!routing && (
            <ElectionRuleFields
              plan={plan.election}
              onChange={(election) => update({ election })}
            />
          )}
          {routing && (
            <>
              <fieldset class="field choice">
                <legend>{t("teach.setup.variant")}</legend>
                {ROUTING_VARIANTS.map((variant) => (
                  <label key={variant} class="choice__option">
                    <input
                      type="radio"
                      name="variant"
                      value={variant}
                      checked={plan.variant === variant}
                      onChange={() => update({ variant })}
                    />
                    <span>
                      <strong>{t(`teach.variant.${variant}`)}</strong>
                      <span class="choice__hint">{t(`teach.variant.${variant}.hint`)}</span>
                    </span>
                  </label>
                ))}
              </fieldset>
              <div class="field">
                <label for="setup-rate">
                  {t("teach.setup.rate")}:{" "}
                  <output for="setup-rate">
                    {t("teach.perSecond", {
                      value: number(plan.trafficRate, Number.isInteger(plan.trafficRate) ? 0 : 1),
                    })}
                  </output>
                </label>
                <input
                  id="setup-rate"
                  class="range"
                  type="range"
                  min={0.5}
                  max={5}
                  step={0.5}
                  value={plan.trafficRate}
                  onInput={(event) => update({ trafficRate: Number(event.currentTarget.value) })}
                />
              </div>
              <div class="field">
                <label for="setup-ttl">{t("teach.setup.ttl")}</label>
                <input
                  id="setup-ttl"
                  class="input input--number"
                  type="number"
                  min={1}
                  max={255}
                  placeholder={t("teach.setup.ttlAuto")}
                  value={ttlText}
                  aria-describedby="setup-ttl-hint"
                  onInput={(event) => {
                    const raw = event.currentTarget.value;
                    setTtlText(raw);
                    const value = Math.round(Number(raw));
                    update({
                      ttl: raw.trim() === "" || !(value >= 1 && value <= 255) ? null : value,
                    });
                  }}
                />
                <p id="setup-ttl-hint" class="field__hint">
                  {t("teach.setup.ttlHint")}
                </p>
              </div>
              <label class="check">
                <input
                  type="checkbox"
                  checked={plan.hints}
                  onChange={(event) => update({ hints: event.currentTarget.checked })}
                />
                <span>
                  <strong>{t("teach.setup.hints")}</strong>
                  <span class="choice__hint">{t("teach.setup.hintsHint")}</span>
                </span>
              </label>
            </>
          )}
        </div>
      </div>
      <button type="submit" class="button button--primary button--start" disabled={starting}>
        {t("teach.setup.start")}
      </button>
    </form>
  );
}
