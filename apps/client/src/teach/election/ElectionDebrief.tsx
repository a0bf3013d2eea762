import type { ClusterDebrief } from "@quorum/shared";
import { useI18n } from "../../i18n.tsx";
import { Compare, Figure, Legend } from "../debrief/Figure.tsx";
import type { ElectionSummaryView } from "./board.ts";
import { ClusterBars, CommittedList, Partitions } from "./DebriefParts.tsx";
import {
  committedLesson,
  electionTimes,
  electLesson,
  mean,
  partitionLesson,
  safetyLesson,
  secondsOf,
  termsLesson,
  unavailableLesson,
} from "./lessons.ts";
import { TermTimeline, TimelineKey } from "./TermTimeline.tsx";
import { Violations } from "./Violations.tsx";
import "../debrief/debrief.css";
import "./election.css";

interface Props {
  summary: ElectionSummaryView;
  size?: "normal" | "large";
}

/**
 * E9: the election round's figures, the class beside Raft bots that played the same faults and
 * commands, each with one plain sentence tying it to the lecture (§6): time without a leader,
 * terms and split votes, time to elect after a leader crash, committed commands, what each side
 * of a partition managed (CAP) and the safety checker's findings (E7).
 */
export function ElectionDebrief({ summary, size = "normal" }: Props) {
  const words = useI18n();
  const { t, number } = words;
  const mine = summary.class;
  const bots = summary.baseline;
  const botName = t("teach.election.debrief.bots");
  const large = size === "large";
  const seconds = (ticks: number) => secondsOf(ticks, words);
  const clusterName = (cluster: number) => t("teach.election.cluster", { cluster: cluster + 1 });
  const botCluster = (cluster: ClusterDebrief) => bots?.clusters[cluster.cluster] ?? null;
  const nodeName = (node: number) => String(node + 1);
  const times = electionTimes(mine);
  const meanTime = mean(times);
  const botTimes = bots ? electionTimes(bots) : [];
  const meanBot = mean(botTimes);

  return (
    <section
      class={`debrief debrief--${size} election-debrief`}
      aria-labelledby="debrief-title"
      data-testid="debrief"
      data-mode="election"
    >
      <header class="debrief__head">
        <h2 id="debrief-title" class="debrief__title">
          {t("teach.debrief.title")}
        </h2>
        {bots && <Legend bot={botName} same={t("teach.election.debrief.same")} />}
      </header>

      <Figure
        title={t("teach.election.debrief.timeline")}
        lesson={t("teach.election.debrief.timelineLesson")}
        chart="timeline"
      >
        <div class="election-debrief__timelines">
          {mine.clusters.map((cluster, index) => (
            <div key={cluster.cluster} class="election-debrief__timeline">
              <span class="election-debrief__cluster">{clusterName(cluster.cluster)}</span>
              <TermTimeline
                cluster={cluster.cluster}
                timeline={cluster.timeline}
                from={0}
                to={mine.ticks}
                nodeName={nodeName}
                axis={index === mine.clusters.length - 1}
              />
            </div>
          ))}
        </div>
        {!large && <TimelineKey />}
      </Figure>

      <div class="debrief__grid election-debrief__grid">
        <Figure
          title={t("teach.election.debrief.unavailable")}
          lesson={unavailableLesson(summary, words)}
        >
          <ClusterBars
            rows={mine.clusters.map((cluster) => ({
              cluster: cluster.cluster,
              mine: cluster.unavailableTicks,
              bot: botCluster(cluster)?.unavailableTicks ?? null,
            }))}
            max={Math.max(1, mine.ticks)}
            format={seconds}
            botName={botName}
          />
        </Figure>

        <Figure title={t("teach.election.debrief.terms")} lesson={termsLesson(summary, words)}>
          <table class="election-debrief__table">
            <thead>
              <tr>
                <th scope="col">{t("teach.election.debrief.clusterColumn")}</th>
                <th scope="col">{t("teach.election.debrief.termsColumn")}</th>
                <th scope="col">{t("teach.election.debrief.electedColumn")}</th>
                <th scope="col">{t("teach.election.debrief.splitColumn")}</th>
              </tr>
            </thead>
            <tbody>
              {mine.clusters.map((cluster) => {
                const bot = botCluster(cluster);
                const cell = (value: number, theirs: number | undefined) => (
                  <td>
                    <strong>{number(value)}</strong>
                    {theirs !== undefined && (
                      <small class="election-debrief__bot">
                        {" "}
                        {t("teach.election.debrief.botValue", { value: number(theirs) })}
                      </small>
                    )}
                  </td>
                );
                return (
                  <tr key={cluster.cluster}>
                    <th scope="row">{cluster.cluster + 1}</th>
                    {cell(cluster.terms, bot?.terms)}
                    {cell(cluster.elections, bot?.elections)}
                    {cell(cluster.splitVotes, bot?.splitVotes)}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </Figure>

        <Figure title={t("teach.election.debrief.elect")} lesson={electLesson(summary, words)}>
          {meanTime === null ? (
            <p>{t("teach.election.debrief.noCrash")}</p>
          ) : (
            <>
              <Compare
                label={t("teach.election.debrief.electLabel", { count: number(times.length) })}
                mine={meanTime}
                bot={meanBot}
                max={Math.max(meanTime, meanBot ?? 0, 1)}
                format={(ticks) => secondsOf(ticks, words, 1)}
                botName={botName}
              />
              {!large && times.length > 1 && (
                <p class="election-debrief__times">
                  {times.map((ticks) => secondsOf(ticks, words, 1)).join(" · ")}
                </p>
              )}
            </>
          )}
        </Figure>

        <Figure
          title={t("teach.election.debrief.committed")}
          lesson={committedLesson(summary, words)}
        >
          <ClusterBars
            rows={mine.clusters.map((cluster) => ({
              cluster: cluster.cluster,
              mine: cluster.committed.length,
              bot: botCluster(cluster)?.committed.length ?? null,
            }))}
            max={Math.max(
              1,
              ...mine.clusters.map((entry) => entry.committed.length),
              ...(bots?.clusters.map((entry) => entry.committed.length) ?? []),
            )}
            format={(count) => number(count)}
            botName={botName}
          />
          {!large && <CommittedList clusters={mine.clusters} />}
        </Figure>

        <Figure
          title={t("teach.election.debrief.partitions")}
          lesson={partitionLesson(summary, words)}
        >
          <Partitions debrief={mine} limit={large ? 1 : 4} />
        </Figure>

        <Figure title={t("teach.election.debrief.safety")} lesson={safetyLesson(summary, words)}>
          {mine.violations.length === 0 ? (
            <p class="election-debrief__zero" data-violations="0">
              <span aria-hidden="true">✓ </span>
              {t("teach.election.debrief.noViolation")}
            </p>
          ) : (
            <Violations
              violations={mine.violations}
              enforcement={mine.enforcement}
              nodeName={nodeName}
              limit={large ? 2 : undefined}
            />
          )}
        </Figure>
      </div>
    </section>
  );
}
