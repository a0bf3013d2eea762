import { TIMELINE_TERMS } from "@quorum/shared/modes/election/hostView";
import { useI18n } from "../../i18n.tsx";
import { type ElectionBoardView, raftNodeLabel } from "./board.ts";
import { secondsOf } from "./lessons.ts";
import { TermTimeline } from "./TermTimeline.tsx";

interface Props {
  board: ElectionBoardView;
  /** "large": the projector's, read from the back row. */
  size?: "normal" | "large";
}

/** The projector's column holds three clusters in full; more go without their timelines. */
export const crowded = (board: ElectionBoardView): boolean => board.clusters.length > 3;

/**
 * E5–E9 per cluster: who leads in which term, whether the cluster can commit (a leader reaching
 * a majority is in office), what it committed, how long it has been without a leader, and its
 * recent terms along time. data-* attributes mirror the figures for tests.
 */
export function ClusterCards({ board, size = "normal" }: Props) {
  const words = useI18n();
  const { t, number } = words;
  const away = (name: string) => t("teach.node.away", { name });
  const nodeName = (node: number) => raftNodeLabel(board.nodes, node, away);
  const compact = size === "large" && crowded(board);

  return (
    <section
      class={`cluster-cards cluster-cards--${size}${compact ? " cluster-cards--compact" : ""}`}
      aria-label={t("teach.election.clustersTitle")}
      data-clusters={board.clusters.length}
    >
      {board.clusters.map((cluster) => {
        const title = t("teach.election.cluster", { cluster: cluster.cluster + 1 });
        const first = cluster.timeline[0];
        // The board keeps a cluster's latest terms: the timeline starts with the first of them.
        const from = first && cluster.timeline.length >= TIMELINE_TERMS ? first.startedAt : 0;
        return (
          <article
            key={cluster.cluster}
            class={`cluster-card cluster-card--${cluster.available ? "available" : "unavailable"}`}
            data-testid={`cluster-${cluster.cluster + 1}`}
            data-leader={cluster.leader === null ? "" : cluster.leader + 1}
            data-term={cluster.term}
            data-available={String(cluster.available)}
            data-committed={cluster.committed}
          >
            <header class="cluster-card__head">
              <h3>{title}</h3>
              <span class="cluster-card__status">
                <span aria-hidden="true">{cluster.available ? "✓ " : "✕ "}</span>
                {cluster.available
                  ? t("teach.election.available")
                  : t("teach.election.unavailable")}
              </span>
            </header>
            <dl class="cluster-card__figures">
              <div class="cluster-card__leader">
                <dt>{t("election.role.leader")}</dt>
                <dd>
                  {cluster.leader === null ? (
                    t("teach.election.noLeaderShort")
                  ) : (
                    <>
                      <span class="crown-mark" aria-hidden="true">
                        ♛
                      </span>{" "}
                      {nodeName(cluster.leader)}
                    </>
                  )}
                </dd>
              </div>
              <div>
                <dt>{t("teach.election.term")}</dt>
                <dd>{number(cluster.term)}</dd>
              </div>
              <div>
                <dt>{t("teach.election.committed")}</dt>
                <dd>{number(cluster.committed)}</dd>
              </div>
              <div>
                <dt>{t("teach.election.withoutLeader")}</dt>
                <dd>{secondsOf(cluster.unavailableTicks, words)}</dd>
              </div>
            </dl>
            {!compact && (
              <TermTimeline
                cluster={cluster.cluster}
                timeline={cluster.timeline}
                from={from}
                to={board.tick}
                nodeName={nodeName}
              />
            )}
          </article>
        );
      })}
    </section>
  );
}
