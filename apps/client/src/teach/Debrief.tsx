import { useI18n } from "../i18n.tsx";
import type { RoundSummaryView } from "./classroom.ts";
import { DebriefCharts } from "./debrief/DebriefCharts.tsx";
import { Compare, Figure, Legend } from "./debrief/Figure.tsx";
import "./debrief/debrief.css";

/**
 * R9: the round's figures, the class beside the shortest-path bot on the same traffic and faults,
 * each with one plain sentence tying it to the lecture (§6). The charts come first; the figures a
 * number tells well follow as bars and lists.
 */
export function Debrief({
  summary,
  size = "normal",
}: {
  summary: RoundSummaryView;
  size?: "normal" | "large";
}) {
  const { t, number } = useI18n();
  const mine = summary.class;
  const bot = summary.baseline;
  const percent = (share: number) => t("teach.percent", { value: number(share * 100) });
  // Not only the drops: packets still under way when the round ended did not arrive either.
  const lost = mine.generated - mine.delivered;

  return (
    <section
      class={`debrief debrief--${size}`}
      aria-labelledby="debrief-title"
      data-testid="debrief"
      data-mode="routing"
    >
      <header class="debrief__head">
        <h2 id="debrief-title" class="debrief__title">
          {t("teach.debrief.title")}
        </h2>
        {bot && <Legend />}
      </header>
      <div class="debrief__charts">
        <DebriefCharts summary={summary} />
      </div>
      <div class="debrief__grid">
        <Figure
          title={t("teach.debrief.delivery")}
          lesson={t("teach.debrief.deliveryLesson", { lost, generated: mine.generated })}
        >
          <Compare
            mine={mine.deliveryRate}
            bot={bot?.deliveryRate ?? null}
            max={1}
            format={percent}
          />
        </Figure>
        <Figure title={t("teach.debrief.stretch")} lesson={t("teach.debrief.stretchLesson")}>
          {mine.stretch === null ? (
            <p>{t("teach.debrief.noDeliveries")}</p>
          ) : (
            <Compare
              mine={mine.stretch}
              bot={bot?.stretch ?? null}
              max={Math.max(mine.stretch, bot?.stretch ?? 1, 1)}
              format={(value) => t("teach.debrief.times", { value: number(value, 2) })}
              label={t("teach.debrief.stretchLabel")}
            />
          )}
        </Figure>
        <Figure title={t("teach.debrief.topRouters")} lesson={t("teach.debrief.topRoutersLesson")}>
          <ol class="debrief__routers">
            {mine.topRouters
              .filter((router) => router.score > 0)
              .slice(0, size === "large" ? 3 : 5)
              .map((router, rank) => (
                <li key={router.node}>
                  <span>
                    {rank + 1}. {router.name || t("teach.debrief.node", { node: router.node + 1 })}
                  </span>
                  <strong>{t("teach.debrief.points", { count: number(router.score) })}</strong>
                </li>
              ))}
          </ol>
        </Figure>
        {mine.floods ? (
          // R6: in a flood round the busiest links are the flood's link stress.
          <Figure
            title={t("teach.debrief.floods")}
            lesson={t("teach.debrief.floodsLesson", {
              messages: number(mine.floods.messagesPerFlood, 1),
              nodes: number(mine.floods.nodesReachedPerFlood, 1),
            })}
          >
            <p>{t("teach.debrief.linkStress", { max: number(mine.floods.maxLinkStress) })}</p>
            <HottestLinks links={mine.hottestLinks} />
          </Figure>
        ) : (
          mine.hottestLinks.length > 0 && (
            <Figure title={t("teach.debrief.hottest")} lesson={t("teach.debrief.hottestLesson")}>
              <HottestLinks links={mine.hottestLinks} />
            </Figure>
          )
        )}
      </div>
    </section>
  );
}

function HottestLinks({ links }: { links: RoundSummaryView["class"]["hottestLinks"] }) {
  const { t, number } = useI18n();
  return (
    <ol class="debrief__links">
      {links.slice(0, 3).map((link) => (
        <li key={link.link}>
          {link.a + 1} ↔ {link.b + 1}:{" "}
          <strong>{t("teach.debrief.carried", { count: number(link.carried) })}</strong>
        </li>
      ))}
    </ol>
  );
}
