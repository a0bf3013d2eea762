import { TICKS_PER_SECOND } from "@quorum/shared/engine/time";
import { PACKET_ENDS, type PacketEnd } from "@quorum/shared/modes/routing/packet";
import type { ComponentChildren } from "preact";
import { useI18n } from "../i18n.tsx";
import type { RoundSummaryView } from "./classroom.ts";

/**
 * R9: the round's figures, the class beside the shortest-path bot on the same traffic and faults,
 * each with one plain sentence tying it to the lecture (§6).
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
  const seconds = (ticks: number) =>
    t("teach.seconds", { value: number(ticks / TICKS_PER_SECOND, 1) });
  const percent = (share: number) => t("teach.percent", { value: number(share * 100) });
  // Not only the drops: packets still under way when the round ended did not arrive either.
  const lost = mine.generated - mine.delivered;
  const count = (end: PacketEnd) => mine.ends[end] ?? 0;
  // The cause that lost the most packets gets the drops' sentence.
  const worstEnd = PACKET_ENDS.filter((end) => count(end) > 0).sort(
    (p, q) => count(q) - count(p),
  )[0];

  return (
    <section
      class={`debrief debrief--${size}`}
      aria-labelledby="debrief-title"
      data-testid="debrief"
    >
      <h2 id="debrief-title">{t("teach.debrief.title")}</h2>
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
        <Figure title={t("teach.debrief.latency")} lesson={t("teach.debrief.latencyLesson")}>
          {mine.latency ? (
            <>
              <Compare
                label={t("teach.debrief.p50")}
                mine={mine.latency.p50}
                bot={bot?.latency?.p50 ?? null}
                max={Math.max(mine.latency.p95, bot?.latency?.p95 ?? 0)}
                format={seconds}
              />
              <Compare
                label={t("teach.debrief.p95")}
                mine={mine.latency.p95}
                bot={bot?.latency?.p95 ?? null}
                max={Math.max(mine.latency.p95, bot?.latency?.p95 ?? 0)}
                format={seconds}
              />
            </>
          ) : (
            <p>{t("teach.debrief.noDeliveries")}</p>
          )}
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
        <Figure
          title={t("teach.debrief.drops")}
          lesson={
            worstEnd
              ? t("teach.debrief.dropsLesson", { cause: t(`drop.${worstEnd}`) })
              : t("teach.debrief.noDropsLesson")
          }
        >
          <ul class="debrief__drops">
            {PACKET_ENDS.filter(
              (end) => (mine.ends[end] ?? 0) > 0 || (bot?.ends[end] ?? 0) > 0,
            ).map((end) => (
              <li key={end}>
                <span>{t(`drop.${end}`)}</span>
                <strong>{number(mine.ends[end] ?? 0)}</strong>
                {bot && (
                  <span class="debrief__bot">
                    {t("teach.debrief.botCount", { count: number(bot.ends[end] ?? 0) })}
                  </span>
                )}
              </li>
            ))}
          </ul>
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
        {mine.floods && (
          <Figure
            title={t("teach.debrief.floods")}
            lesson={t("teach.debrief.floodsLesson", {
              messages: number(mine.floods.messagesPerFlood, 1),
              nodes: number(mine.floods.nodesReachedPerFlood, 1),
            })}
          >
            <p>{t("teach.debrief.linkStress", { max: number(mine.floods.maxLinkStress) })}</p>
          </Figure>
        )}
        {mine.hottestLinks.length > 0 && (
          <Figure title={t("teach.debrief.hottest")} lesson={t("teach.debrief.hottestLesson")}>
            <ol class="debrief__links">
              {mine.hottestLinks.slice(0, 3).map((link) => (
                <li key={link.link}>
                  {link.a + 1} ↔ {link.b + 1}:{" "}
                  <strong>{t("teach.debrief.carried", { count: number(link.carried) })}</strong>
                </li>
              ))}
            </ol>
          </Figure>
        )}
      </div>
    </section>
  );
}

function Figure({
  title,
  lesson,
  children,
}: {
  title: string;
  lesson: string;
  children: ComponentChildren;
}) {
  return (
    <article class="figure">
      <h3>{title}</h3>
      <div class="figure__body">{children}</div>
      <p class="figure__lesson">{lesson}</p>
    </article>
  );
}

interface CompareProps {
  label?: string;
  mine: number;
  bot: number | null;
  max: number;
  format(value: number): string;
}

/** Two bars: the class (solid) and the bot (striped), each with its number (P7: not colour alone). */
function Compare({ label, mine, bot, max, format }: CompareProps) {
  const { t } = useI18n();
  const width = (value: number) => `${Math.max(2, Math.min(100, (value / (max || 1)) * 100))}%`;
  return (
    <div class="compare">
      {label && <p class="compare__label">{label}</p>}
      <div class="compare__row">
        <span class="compare__who">{t("teach.debrief.class")}</span>
        <span class="compare__track">
          <span class="compare__bar compare__bar--class" style={{ width: width(mine) }} />
        </span>
        <strong class="compare__value" data-figure="class">
          {format(mine)}
        </strong>
      </div>
      {bot !== null && (
        <div class="compare__row">
          <span class="compare__who">{t("teach.debrief.bot")}</span>
          <span class="compare__track">
            <span class="compare__bar compare__bar--bot" style={{ width: width(bot) }} />
          </span>
          <span class="compare__value" data-figure="bot">
            {format(bot)}
          </span>
        </div>
      )}
    </div>
  );
}
