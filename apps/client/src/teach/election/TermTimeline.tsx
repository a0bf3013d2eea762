import type { TermRecord } from "@quorum/shared/modes/election/game";
import { useI18n } from "../../i18n.tsx";
import { secondsOf } from "./lessons.ts";
import { layOutTimeline, shareOf, type TermOutcome } from "./timeline.ts";

interface Props {
  cluster: number;
  timeline: readonly TermRecord[];
  /** The window shown, in ticks. */
  from: number;
  to: number;
  /** A node as people read it ("3 · Ada"). */
  nodeName(node: number): string;
  /** The time axis under the track. @default true */
  axis?: boolean;
}

/** P7: each mark's symbol, so the outcome reads without its colour. */
export const MARK_SYMBOL: Record<TermOutcome, string> = {
  elected: "●",
  split: "✕",
  failed: "○",
  open: "…",
};

/**
 * E5, E9: a cluster's terms along time — a bar for each leader while it led, labelled with its
 * term and node, and a mark where each term began (elected, split vote, no winner, under way).
 * The same words as a list for screen readers.
 */
export function TermTimeline({ cluster, timeline, from, to, nodeName, axis = true }: Props) {
  const words = useI18n();
  const { t } = words;
  const layout = layOutTimeline(timeline, from, to);
  const at = (tick: number) => `${(shareOf(layout, tick) * 100).toFixed(2)}%`;
  const time = (tick: number) => secondsOf(tick, words);
  const names = (nodes: readonly number[]) => nodes.map((node) => nodeName(node)).join(", ");
  const latest = Math.max(0, ...timeline.map((record) => record.term));

  return (
    <figure class="term-timeline" data-terms={timeline.length}>
      <figcaption class="visually-hidden">
        {t("teach.election.timelineLabel", { cluster: cluster + 1 })}
      </figcaption>
      <div class="term-timeline__track" aria-hidden="true" style={{ "--rows": layout.rows }}>
        {layout.bars.map((bar) => (
          <span
            key={`${bar.term}-${bar.leader}`}
            class={`term-bar${bar.open ? " term-bar--open" : ""}`}
            style={{
              left: at(bar.from),
              width: `calc(${at(bar.to)} - ${at(bar.from)})`,
              "--row": bar.row,
            }}
            title={t("teach.election.barTitle", {
              term: bar.term,
              node: nodeName(bar.leader),
            })}
          >
            {t("teach.election.termShort", { term: bar.term })} · {bar.leader + 1}
          </span>
        ))}
        {layout.marks.map((mark) => (
          <span
            key={mark.term}
            class={`term-mark term-mark--${mark.outcome}`}
            style={{ left: at(mark.at) }}
          >
            {MARK_SYMBOL[mark.outcome]}
          </span>
        ))}
      </div>
      {axis && (
        <div class="term-timeline__axis" aria-hidden="true">
          <span>{time(layout.from)}</span>
          <span>{time(layout.to)}</span>
        </div>
      )}
      <ol class="visually-hidden">
        {timeline.map((record) => {
          const leaders = names(record.leaders);
          let sentence: string;
          if (record.electedAt !== null && record.leaders.length > 0) {
            sentence =
              record.endedAt === null
                ? t("teach.election.termLeads", {
                    term: record.term,
                    node: leaders,
                    from: time(record.electedAt),
                  })
                : t("teach.election.termLed", {
                    term: record.term,
                    node: leaders,
                    from: time(record.electedAt),
                    to: time(record.endedAt),
                  });
          } else if (record.term >= latest) {
            sentence = t("teach.election.termOpen", { term: record.term });
          } else {
            sentence = t(
              record.candidates.length > 1
                ? "teach.election.termSplit"
                : "teach.election.termFailed",
              { term: record.term, nodes: names(record.candidates) },
            );
          }
          return <li key={record.term}>{sentence}</li>;
        })}
      </ol>
    </figure>
  );
}

/** What the timeline's marks mean (P7: a symbol and a word for each). */
export function TimelineKey() {
  const { t } = useI18n();
  return (
    <ul class="timeline-key">
      {(["elected", "split", "failed"] as const).map((outcome) => (
        <li key={outcome}>
          <span class={`term-mark term-mark--${outcome} term-mark--key`} aria-hidden="true">
            {MARK_SYMBOL[outcome]}
          </span>{" "}
          {t(`teach.election.mark.${outcome}`)}
        </li>
      ))}
      <li>
        <span class="term-bar term-bar--key" aria-hidden="true">
          {t("teach.election.termShort", { term: 3 })} · 2
        </span>{" "}
        {t("teach.election.mark.bar")}
      </li>
    </ul>
  );
}
