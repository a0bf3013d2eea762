import type { ComponentChildren } from "preact";
import { useI18n } from "../../i18n.tsx";

/** One figure of the debrief: its title, the figure, and the one sentence it teaches (§6). */
export function Figure({
  title,
  lesson,
  chart,
  children,
}: {
  title: string;
  lesson: string;
  /** Which chart it holds, if any: a chart gets the room it needs (debrief.css). */
  chart?: "latency" | "drops" | "timeline";
  children: ComponentChildren;
}) {
  return (
    <article class={chart ? `figure figure--chart figure--${chart}` : "figure"}>
      <h3>{title}</h3>
      <div class="figure__body">{children}</div>
      <p class="figure__lesson">{lesson}</p>
    </article>
  );
}

/** Which mark is whose, for every chart and bar below it (P7: a pattern, not colour alone). */
export function Legend({
  bot,
  same,
}: {
  /** The baseline's name and what it shares with the class; routing's by default. */
  bot?: string;
  same?: string;
} = {}) {
  const { t } = useI18n();
  return (
    <p class="debrief__legend">
      <span class="legend-key">
        <span class="legend-key__swatch legend-key__swatch--class" aria-hidden="true" />
        {t("teach.debrief.class")}
      </span>
      <span class="legend-key">
        <span class="legend-key__swatch legend-key__swatch--bot" aria-hidden="true" />
        {bot ?? t("teach.debrief.bot")}
      </span>
      <span class="debrief__same">{same ?? t("teach.debrief.sameTraffic")}</span>
    </p>
  );
}

interface CompareProps {
  label?: string;
  mine: number;
  bot: number | null;
  max: number;
  format(value: number): string;
  /** The baseline's name; routing's shortest-path bot by default. */
  botName?: string;
}

/** Two bars: the class (solid) and the bot (striped), each with its number (P7: not colour alone). */
export function Compare({ label, mine, bot, max, format, botName }: CompareProps) {
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
          <span class="compare__who">{botName ?? t("teach.debrief.bot")}</span>
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
