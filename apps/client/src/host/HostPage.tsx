import { generateTopology, seedRng } from "@quorum/shared";
import { useEffect, useMemo, useState } from "preact/hooks";
import { useI18n } from "../i18n.tsx";
import { NetworkView } from "../network/NetworkView.tsx";
import { PresetField } from "../network/PresetField.tsx";
import { followLink } from "../router.ts";
import { Page } from "../ui/Page.tsx";
import { freshSeed, type Plan, parseSeed, planFromQuery, planToQuery, SIZE_RANGE } from "./plan.ts";

/**
 * /host, until the classroom platform arrives: a topology explorer to plan a class with (N1).
 * It says plainly that sign-in is not here yet rather than offering a form that cannot work.
 */
export function HostPage({ query }: { query: URLSearchParams }) {
  const { t, number } = useI18n();
  const [plan, setPlan] = useState(() => planFromQuery(query));
  const [seedText, setSeedText] = useState(String(plan.seed));
  const topology = useMemo(
    () => generateTopology({ preset: plan.preset, size: plan.size }, seedRng(plan.seed)),
    [plan],
  );

  useEffect(() => {
    history.replaceState(null, "", `/host?${planToQuery(plan)}`);
  }, [plan]);

  const update = (change: Partial<Plan>) => setPlan((current) => ({ ...current, ...change }));
  const nodes = topology.positions.length;
  const links = topology.links.length;

  return (
    <Page class="page--host">
      <main class="host">
        <div class="host__intro">
          <h1>{t("host.title")}</h1>
          <p class="notice notice--info">
            {t("host.signInNotice")}{" "}
            <a href="/teach" onClick={followLink}>
              {t("host.signInLink")}
            </a>
          </p>
        </div>
        <NetworkView class="host__network" topology={topology} fit="contain" />
        <form class="card host__controls" onSubmit={(event) => event.preventDefault()}>
          <PresetField
            id="host-preset"
            preset={plan.preset}
            onChange={(preset) => update({ preset })}
          />
          <div class="field">
            <label for="host-size">
              {t("host.size.label")}: <output for="host-size">{plan.size}</output>
            </label>
            <input
              id="host-size"
              class="range"
              type="range"
              min={SIZE_RANGE.min}
              max={SIZE_RANGE.max}
              value={plan.size}
              onInput={(event) => update({ size: Number(event.currentTarget.value) })}
            />
          </div>
          <div class="field">
            <label for="host-seed">{t("host.seed.label")}</label>
            <div class="field__row">
              <input
                id="host-seed"
                class="input input--seed"
                type="text"
                inputMode="numeric"
                pattern="[0-9]*"
                autocomplete="off"
                value={seedText}
                aria-describedby="host-seed-hint"
                onInput={(event) => {
                  const text = event.currentTarget.value;
                  setSeedText(text);
                  const seed = parseSeed(text);
                  if (seed !== null) update({ seed });
                }}
              />
              <button
                type="button"
                class="button button--secondary"
                onClick={() => {
                  const seed = freshSeed();
                  setSeedText(String(seed));
                  update({ seed });
                }}
              >
                {t("host.seed.shuffle")}
              </button>
            </div>
            <p id="host-seed-hint" class="field__hint">
              {t("host.seed.hint")}
            </p>
          </div>
          <p class="host__stats">
            {t("host.stats", {
              nodes,
              links,
              degree: number(nodes > 0 ? (2 * links) / nodes : 0, 1),
            })}
          </p>
          <a class="back-link" href="/" onClick={followLink}>
            {t("host.back")}
          </a>
        </form>
      </main>
    </Page>
  );
}
