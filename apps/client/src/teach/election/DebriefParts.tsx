import type { ClusterDebrief, ElectionDebrief } from "@quorum/shared";
import { useI18n } from "../../i18n.tsx";
import { groupLetter } from "../../network/live.ts";
import { secondsOf } from "./lessons.ts";

/** The election debrief's figures that are more than a number: bars per cluster, lists. */

interface BarRow {
  cluster: number;
  mine: number;
  bot: number | null;
}

/**
 * A figure per cluster, the class's bar (solid) above the bots' (striped), each with its number:
 * the Compare bars of the routing debrief, one cluster to a row.
 */
export function ClusterBars({
  rows,
  max,
  format,
  botName,
}: {
  rows: readonly BarRow[];
  max: number;
  format(value: number): string;
  botName: string;
}) {
  const { t } = useI18n();
  const width = (value: number) => `${Math.max(2, Math.min(100, (value / (max || 1)) * 100))}%`;
  return (
    <div class="cluster-bars">
      {rows.map((row) => (
        <div key={row.cluster} class="cluster-bars__cluster">
          <span class="cluster-bars__name">
            {t("teach.election.cluster", { cluster: row.cluster + 1 })}
          </span>
          <span class="cluster-bars__bar">
            <span class="visually-hidden">{t("teach.debrief.class")}</span>
            <span class="compare__track">
              <span class="compare__bar compare__bar--class" style={{ width: width(row.mine) }} />
            </span>
            <strong class="cluster-bars__value" data-figure="class">
              {format(row.mine)}
            </strong>
          </span>
          {row.bot !== null && (
            <span class="cluster-bars__bar">
              <span class="visually-hidden">{botName}</span>
              <span class="compare__track">
                <span class="compare__bar compare__bar--bot" style={{ width: width(row.bot) }} />
              </span>
              <span class="cluster-bars__value" data-figure="bot">
                {format(row.bot)}
              </span>
            </span>
          )}
        </div>
      ))}
    </div>
  );
}

export function CommittedList({ clusters }: { clusters: readonly ClusterDebrief[] }) {
  const { t } = useI18n();
  const shown = clusters.filter((cluster) => cluster.committed.length > 0);
  if (shown.length === 0) return null;
  return (
    <ul class="election-debrief__commands">
      {shown.map((cluster) => (
        <li key={cluster.cluster}>
          {t("teach.election.cluster", { cluster: cluster.cluster + 1 })}:{" "}
          {cluster.committed.slice(0, 8).map((entry) => (
            <code key={entry.index}>{entry.command}</code>
          ))}
          {cluster.committed.length > 8 && " …"}
        </li>
      ))}
    </ul>
  );
}

/** E9: each partition, each split cluster's sides — majority or not, what each side managed. */
export function Partitions({ debrief, limit }: { debrief: ElectionDebrief; limit: number }) {
  const words = useI18n();
  const { t, number } = words;
  if (debrief.partitions.length === 0) return <p>{t("teach.election.debrief.noPartition")}</p>;
  return (
    <div class="election-debrief__partitions">
      {debrief.partitions.slice(0, limit).map((record) => (
        <section key={record.from} class="partition-record">
          <h4>
            {record.to === null
              ? t("teach.election.debrief.partitionOpen", { from: secondsOf(record.from, words) })
              : t("teach.election.debrief.partitionSpan", {
                  from: secondsOf(record.from, words),
                  to: secondsOf(record.to, words),
                })}
          </h4>
          <ul>
            {record.sides.map((side) => {
              const size = debrief.clusters[side.cluster]?.members.length ?? side.members.length;
              return (
                <li
                  key={`${side.cluster}-${side.group}`}
                  class={`partition-side partition-side--${side.majority ? "majority" : "minority"}`}
                >
                  <span aria-hidden="true">{side.majority ? "✓ " : "✕ "}</span>
                  {t("teach.election.debrief.side", {
                    cluster: side.cluster + 1,
                    side:
                      side.group === 0
                        ? t("teach.election.debrief.restSide")
                        : groupLetter(side.group),
                    members: number(side.members.length),
                    size: number(size),
                    majority: side.majority
                      ? t("teach.election.debrief.majority")
                      : t("teach.election.debrief.minority"),
                  })}
                  {": "}
                  {side.leaders.length > 0
                    ? t("teach.election.debrief.sideLedResult", {
                        leaders: side.leaders
                          .map(({ node, term }) =>
                            t("teach.election.debrief.leaderInTerm", { node: node + 1, term }),
                          )
                          .join(", "),
                        elected: number(side.elected),
                        committed: number(side.committed),
                      })
                    : t("teach.election.debrief.sideResult", {
                        elected: number(side.elected),
                        committed: number(side.committed),
                      })}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
