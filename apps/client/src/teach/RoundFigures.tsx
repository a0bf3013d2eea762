import type { RoutingHostView } from "@quorum/shared";
import { PACKET_ENDS } from "@quorum/shared/modes/routing/packet";
import { useI18n } from "../i18n.tsx";

/** Live counters of the round: what was sent, what arrived, what is under way, what was lost. */
export function Counters({
  counters,
  size = "normal",
}: {
  counters: RoutingHostView["counters"];
  size?: "normal" | "large";
}) {
  const { t, number } = useI18n();
  const drops = PACKET_ENDS.filter((end) => (counters.ends[end] ?? 0) > 0);
  return (
    <section class={`counters counters--${size}`} aria-label={t("teach.counters.title")}>
      <dl class="counters__main">
        <div>
          <dt>{t("teach.counters.generated")}</dt>
          <dd data-counter="generated">{number(counters.generated)}</dd>
        </div>
        <div>
          <dt>{t("teach.counters.delivered")}</dt>
          <dd data-counter="delivered">
            {number(counters.delivered)}{" "}
            <small>({t("teach.percent", { value: number(counters.deliveryRate * 100) })})</small>
          </dd>
        </div>
        <div>
          <dt>{t("teach.counters.inFlight")}</dt>
          <dd data-counter="held">{number(counters.held)}</dd>
        </div>
      </dl>
      <div class="counters__drops">
        <h3>{t("teach.counters.drops")}</h3>
        {drops.length === 0 ? (
          <p class="counters__none">{t("teach.counters.noDrops")}</p>
        ) : (
          <ul>
            {drops.map((end) => (
              <li key={end}>
                <span class="drop-mark" aria-hidden="true">
                  ✸
                </span>{" "}
                {t(`drop.${end}`)}: <strong>{number(counters.ends[end] ?? 0)}</strong>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

/** N7: the faults in force and the fallacy of distributed computing each one disproves. */
export function FaultLegend({ faults }: { faults: RoutingHostView["faults"] }) {
  const { t } = useI18n();
  return (
    <section class="legend" aria-labelledby="legend-title">
      <h3 id="legend-title">{t("teach.legend.title")}</h3>
      {faults.length === 0 ? (
        <p class="legend__none">{t("teach.legend.none")}</p>
      ) : (
        <ul class="legend__faults">
          {faults.map((fault) => (
            <li key={fault.kind} class={`legend__fault legend__fault--${fault.kind}`}>
              <span class="legend__what">
                {t(`teach.fault.${fault.kind}`, { count: fault.count })}
              </span>
              <span class="legend__fallacy">{fallacyText(fault.fallacy, t)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

type Translate = ReturnType<typeof useI18n>["t"];

const FALLACIES = [
  "fallacy.reliable",
  "fallacy.latency",
  "fallacy.bandwidth",
  "fallacy.topology",
] as const;

/** FALLACY_OF's values are message keys; one we do not know is shown as it is. */
function fallacyText(key: string, t: Translate): string {
  const known = FALLACIES.find((fallacy) => fallacy === key);
  return known ? t("teach.legend.fallacy", { fallacy: t(known) }) : key;
}

/** The drawing's shapes explained (P7: colour never alone). */
export function DrawingKey() {
  const { t } = useI18n();
  return (
    <ul class="drawing-key" aria-label={t("teach.key.title")}>
      <li>
        <span class="key-shape key-shape--data" aria-hidden="true" /> {t("teach.key.data")}
      </li>
      <li>
        <span class="key-shape key-shape--ack" aria-hidden="true" /> {t("teach.key.ack")}
      </li>
      <li>
        <span class="key-shape key-shape--flood" aria-hidden="true" /> {t("teach.key.flood")}
      </li>
      <li>
        <span class="key-shape key-shape--down" aria-hidden="true" /> {t("teach.key.down")}
      </li>
      <li>
        <span class="key-shape key-shape--cut" aria-hidden="true" /> {t("teach.key.cut")}
      </li>
      <li>
        <span class="key-shape key-shape--drop" aria-hidden="true">
          ✸
        </span>{" "}
        {t("teach.key.drop")}
      </li>
    </ul>
  );
}
