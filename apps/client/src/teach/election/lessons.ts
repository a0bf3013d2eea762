import type { ClusterDebrief, ElectionDebrief } from "@quorum/shared";
import { TICKS_PER_SECOND } from "@quorum/shared/engine/time";
import type { Words } from "../debrief/lessons.ts";
import type { ElectionSummaryView } from "./board.ts";

/**
 * §6, E9: one plain sentence per figure of the election debrief, chosen from what happened in
 * the round, so the teacher can point at a figure and say what it teaches.
 */

export const secondsOf = (ticks: number, { t, number }: Words, digits = 0): string =>
  t("teach.seconds", { value: number(ticks / TICKS_PER_SECOND, digits) });

const percentOf = (share: number, { t, number }: Words): string =>
  t("teach.percent", { value: number(share * 100) });

/** The mean of some tick counts, or null without any. */
export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** E9: every time a cluster of the round took to elect after its leader crashed. */
export const electionTimes = (debrief: ElectionDebrief): number[] =>
  debrief.clusters.flatMap((cluster) => cluster.electionTimes);

/** The cluster that spent the most time without a leader. */
function leastAvailable(debrief: ElectionDebrief): ClusterDebrief | null {
  let worst: ClusterDebrief | null = null;
  for (const cluster of debrief.clusters) {
    if (!worst || cluster.unavailableTicks > worst.unavailableTicks) worst = cluster;
  }
  return worst;
}

/** E9: unavailability — the cluster that waited longest for a leader, beside the bots'. */
export function unavailableLesson(summary: ElectionSummaryView, words: Words): string {
  const { t } = words;
  const worst = leastAvailable(summary.class);
  if (!worst || worst.unavailableTicks === 0) return t("teach.election.debrief.alwaysLedLesson");
  const params = {
    cluster: worst.cluster + 1,
    seconds: secondsOf(worst.unavailableTicks, words),
    percent: percentOf(worst.unavailability, words),
  };
  const bot = summary.baseline?.clusters[worst.cluster];
  if (!bot) return t("teach.election.debrief.unavailableLesson", params);
  return t("teach.election.debrief.unavailableBotLesson", {
    ...params,
    bot: secondsOf(bot.unavailableTicks, words),
  });
}

/** E5: split votes, which randomised timeouts resolve; else how terms order the leaders. */
export function termsLesson(summary: ElectionSummaryView, words: Words): string {
  const { t, number } = words;
  const clusters = summary.class.clusters;
  const split = clusters.reduce((sum, cluster) => sum + cluster.splitVotes, 0);
  if (split > 0) return t("teach.election.debrief.splitLesson", { count: number(split) });
  const terms = clusters.reduce((sum, cluster) => sum + cluster.terms, 0);
  return t("teach.election.debrief.termsLesson", { terms: number(terms) });
}

/** E9: how long the followers took to replace a crashed leader. */
export function electLesson(summary: ElectionSummaryView, words: Words): string {
  const average = mean(electionTimes(summary.class));
  if (average === null) {
    const crashes = summary.class.clusters.some((cluster) => cluster.leaderCrashes > 0);
    return words.t(
      crashes
        ? "teach.election.debrief.electPendingLesson"
        : "teach.election.debrief.electNoneLesson",
    );
  }
  return words.t("teach.election.debrief.electLesson", {
    seconds: secondsOf(average, words, 1),
  });
}

/** E6: what commits, and why. */
export function committedLesson(summary: ElectionSummaryView, words: Words): string {
  const count = summary.class.clusters.reduce((sum, cluster) => sum + cluster.committed.length, 0);
  if (count === 0) return words.t("teach.election.debrief.committedNoneLesson");
  return words.t("teach.election.debrief.committedLesson", { count: words.number(count) });
}

/** E9, CAP: a partitioned minority makes no progress. */
export function partitionLesson(summary: ElectionSummaryView, words: Words): string {
  const { partitions } = summary.class;
  if (partitions.length === 0) return words.t("teach.election.debrief.partitionNoneLesson");
  const minority = partitions.flatMap((record) => record.sides).filter((side) => !side.majority);
  const progressed = minority.some((side) => side.elected > 0 || side.committed > 0);
  return words.t(
    progressed
      ? "teach.election.debrief.partitionBrokenLesson"
      : "teach.election.debrief.partitionLesson",
  );
}

/** E7: what the safety checker found, and why it could or could not find anything. */
export function safetyLesson(summary: ElectionSummaryView, words: Words): string {
  const { violations, enforcement } = summary.class;
  if (violations.length > 0) {
    return words.t("teach.election.debrief.safetyBrokenLesson", {
      count: words.number(violations.length),
    });
  }
  return words.t(
    enforcement === "strict"
      ? "teach.election.debrief.safetyStrictLesson"
      : "teach.election.debrief.safetyKeptLesson",
  );
}
