import { ROUTING_VARIANTS, type RoutingHostView } from "@quorum/shared";
import type { RoutingHostAction } from "@quorum/shared/modes/routing/actions";
import type { HostCommand } from "@quorum/shared/platform/protocol";
import { useEffect, useState } from "preact/hooks";
import { useI18n } from "../i18n.tsx";
import { useAsked } from "./useAsked.ts";

interface Props {
  round: RoutingHostView;
  send(command: HostCommand): void;
}

type Settings = Omit<Extract<RoutingHostAction, { type: "configure" }>, "type">;

/**
 * The routing settings a teacher may change while the round runs (the mode's `configure`
 * action): what the class is asked to do, how much traffic, how far a packet may go, and
 * whether hints help. Each change applies at once; the drawing and the phones follow.
 */
export function RoundSettings({ round, send }: Props) {
  const { t, number } = useI18n();
  const change = (settings: Settings) =>
    send({ type: "mode", action: { type: "configure", ...settings } });
  // The slider and TTL box show what is typed until the room confirms it.
  const [rate, setRate] = useState(round.trafficRate);
  const [ttl, setTtl] = useState(String(round.ttl));
  useEffect(() => setRate(round.trafficRate), [round.trafficRate]);
  useEffect(() => setTtl(String(round.ttl)), [round.ttl]);
  const ttlValue = Math.round(Number(ttl));
  const ttlValid = ttlValue >= 1 && ttlValue <= 255;
  const [variant, askVariant] = useAsked(round.variant);
  const [hints, askHints] = useAsked(round.hints);

  return (
    <section class="card settings" aria-labelledby="settings-title">
      <h2 id="settings-title">{t("teach.settings.title")}</h2>
      <div class="field">
        <label for="settings-variant">{t("teach.setup.variant")}</label>
        <select
          id="settings-variant"
          class="input"
          value={variant}
          onChange={(event) => {
            const chosen = event.currentTarget.value as RoutingHostView["variant"];
            askVariant(chosen);
            change({ variant: chosen });
          }}
        >
          {ROUTING_VARIANTS.map((variant) => (
            <option key={variant} value={variant}>
              {t(`teach.variant.${variant}`)}
            </option>
          ))}
        </select>
        <p class="field__hint">{t(`teach.variant.${variant}.hint`)}</p>
      </div>
      <div class="field">
        <label for="settings-rate">
          {t("teach.setup.rate")}:{" "}
          <output for="settings-rate">
            {t("teach.perSecond", { value: number(rate, Number.isInteger(rate) ? 0 : 1) })}
          </output>
        </label>
        <input
          id="settings-rate"
          class="range"
          type="range"
          min={0}
          max={10}
          step={0.5}
          value={rate}
          onInput={(event) => setRate(Number(event.currentTarget.value))}
          onChange={(event) => change({ trafficRate: Number(event.currentTarget.value) })}
        />
      </div>
      <form
        class="field"
        onSubmit={(event) => {
          event.preventDefault();
          if (ttlValid) change({ ttl: ttlValue });
        }}
      >
        <label for="settings-ttl">{t("teach.setup.ttl")}</label>
        <div class="field__row">
          <input
            id="settings-ttl"
            class="input input--number"
            type="number"
            min={1}
            max={255}
            value={ttl}
            aria-invalid={!ttlValid}
            onInput={(event) => setTtl(event.currentTarget.value)}
          />
          <button
            type="submit"
            class="button button--secondary"
            disabled={!ttlValid || ttlValue === round.ttl}
          >
            {t("teach.faults.apply")}
          </button>
        </div>
        <p class="field__hint">{t("teach.settings.ttlHint")}</p>
      </form>
      <label class="check">
        <input
          type="checkbox"
          checked={hints}
          onChange={(event) => {
            askHints(event.currentTarget.checked);
            change({ hints: event.currentTarget.checked });
          }}
        />
        <span>
          <strong>{t("teach.setup.hints")}</strong>
          <span class="choice__hint">{t("teach.setup.hintsHint")}</span>
        </span>
      </label>
    </section>
  );
}
