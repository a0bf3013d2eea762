import type { RoutingView } from "@quorum/shared/modes/routing/index";
import { useI18n } from "../i18n.tsx";
import { seconds } from "./time.ts";

interface Props {
  view: RoutingView;
  nodeName: (node: number) => string;
  disabled: boolean;
  onRetransmit: (seq: number) => void;
}

/**
 * R7, for the end hosts of the reliable round: what this node sent and still waits to hear an ack
 * for, with the retransmit timeout counting down on the room's tick, and the sequence numbers it
 * has received (duplicates are not delivered twice).
 */
export function ReliablePanel({ view, nodeName, disabled, onRetransmit }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const received = groupBySender(view.received);
  return (
    <section class="play-panel" aria-labelledby="unacked-title">
      <h2 id="unacked-title" class="play-heading">
        {t("play.reliable.title")}
      </h2>
      <p class="play-panel__hint">{t("play.reliable.hint")}</p>
      {view.unacked.length === 0 ? (
        <p class="play-panel__empty">{t("play.reliable.empty")}</p>
      ) : (
        <ul class="unacked">
          {view.unacked.map((entry) => {
            const left = entry.timeoutAt - view.tick;
            const span = Math.max(1, entry.timeoutAt - entry.sentAt);
            const timedOut = left <= 0;
            return (
              <li key={entry.seq} class={`unacked__item${timedOut ? " unacked__item--late" : ""}`}>
                <p class="unacked__what">
                  <strong>
                    {t("play.reliable.packet", { seq: entry.seq, name: nodeName(entry.dst) })}
                  </strong>
                  <span> · {t("play.reliable.tries", { tries: entry.tries })}</span>
                </p>
                <p class="unacked__when">
                  {timedOut
                    ? `⚠ ${t("play.reliable.timedOut")}`
                    : t("play.reliable.countdown", { seconds: seconds(left, i18n, 0) })}
                </p>
                <meter
                  class="unacked__meter"
                  min={0}
                  max={span}
                  value={Math.max(0, left)}
                  aria-hidden="true"
                />
                <button
                  type="button"
                  class={`button ${timedOut ? "button--primary" : "button--secondary"} unacked__retransmit`}
                  disabled={disabled}
                  onClick={() => onRetransmit(entry.seq)}
                >
                  {t("play.reliable.retransmit", { seq: entry.seq })}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <h3 class="play-subheading">{t("play.reliable.received")}</h3>
      {received.length === 0 ? (
        <p class="play-panel__empty">{t("play.none")}</p>
      ) : (
        <ul class="received">
          {received.map(([src, seqs]) => (
            <li key={src}>
              {t("play.reliable.receivedFrom", { name: nodeName(src), seqs: seqs.join(", ") })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function groupBySender(received: RoutingView["received"]): [number, number[]][] {
  const bySender = new Map<number, number[]>();
  for (const { src, seq } of received) {
    const seqs = bySender.get(src) ?? [];
    seqs.push(seq);
    bySender.set(src, seqs);
  }
  return [...bySender].map(([src, seqs]) => [src, seqs.sort((p, q) => p - q)]);
}
