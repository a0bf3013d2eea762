import { useMemo } from "preact/hooks";
import { useI18n } from "../../i18n.tsx";
import type { RoundSummaryView } from "../classroom.ts";
import { Chart } from "./Chart.tsx";
import { Figure } from "./Figure.tsx";
import { dropsLesson, latencyLesson, timelineLesson, type Words } from "./lessons.ts";
import type { PlotInputs } from "./plots.ts";
import { dropsSeries, latencySeries, timelineSeries } from "./series.ts";
import { dropsTable, latencyTable, timelineTable } from "./tables.ts";

/** R9: the three figures a chart tells better than a number — latency, drops, the round's time. */
export function DebriefCharts({ summary }: { summary: RoundSummaryView }) {
  const words = useI18n();
  const { t } = words;
  const charts = useMemo(() => chartsOf(summary, words), [summary, words]);
  const { latency, drops, timeline } = charts;

  return (
    <>
      <Figure title={t("teach.debrief.latency")} lesson={charts.latencyLesson} chart="latency">
        {latency ? (
          <>
            <Chart
              kind="latency"
              input={latency.input}
              unit={t("teach.debrief.shareAxis")}
              label={t("teach.debrief.latencyChart")}
              table={latency.table}
            />
            <ul class="figure__marks">
              {latency.marks.map((mark) => (
                <li key={mark}>{mark}</li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t("teach.debrief.noDeliveries")}</p>
        )}
      </Figure>
      <Figure title={t("teach.debrief.drops")} lesson={charts.dropsLesson} chart="drops">
        {drops && (
          <Chart
            kind="drops"
            input={drops.input}
            label={t("teach.debrief.dropsChart")}
            table={drops.table}
          />
        )}
      </Figure>
      {timeline && (
        <Figure title={t("teach.debrief.timeline")} lesson={charts.timelineLesson} chart="timeline">
          <Chart
            kind="timeline"
            input={timeline.input}
            unit={t("teach.debrief.rateAxis")}
            label={t("teach.debrief.timelineChart")}
            table={timeline.table}
          />
        </Figure>
      )}
    </>
  );
}

/** Everything the three charts show, computed once per summary and language. */
function chartsOf(summary: RoundSummaryView, words: Words) {
  const { t, number } = words;
  const seconds = (value: number) => t("teach.seconds", { value: number(value, 1) });
  const percent = (value: number) => t("teach.percent", { value: number(value) });
  const latency = latencySeries(summary);
  const drops = dropsSeries(summary);
  const timeline = timelineSeries(summary);
  return {
    latencyLesson: latencyLesson(summary, words),
    dropsLesson: dropsLesson(summary, words),
    timelineLesson: timelineLesson(summary, words),
    latency: latency && {
      input: {
        series: latency,
        xLabel: t("teach.debrief.latencyAxis"),
        marks: [percent(50), percent(95)],
        number,
      } satisfies PlotInputs["latency"],
      table: latencyTable(latency, t("teach.debrief.latency"), words),
      marks: [
        { who: t("teach.debrief.class"), marks: latency.classMarks },
        ...(latency.botMarks ? [{ who: t("teach.debrief.bot"), marks: latency.botMarks }] : []),
      ].map(({ who, marks }) =>
        t("teach.debrief.latencyMarks", { who, p50: seconds(marks.p50), p95: seconds(marks.p95) }),
      ),
    },
    drops: drops && {
      input: {
        series: drops,
        causes: drops.ends.map((end) => t(`drop.${end}`)),
        xLabel: t("teach.debrief.packetsAxis"),
        number,
      } satisfies PlotInputs["drops"],
      table: dropsTable(drops, t("teach.debrief.drops"), words),
    },
    timeline: timeline && {
      input: {
        series: timeline,
        xLabel: t("teach.debrief.timeAxis"),
        number,
      } satisfies PlotInputs["timeline"],
      table: timelineTable(timeline, t("teach.debrief.timeline"), words),
    },
  };
}
