import type { ElectionView } from "@quorum/shared/modes/election/index";
import { useI18n } from "../../i18n.tsx";
import { seconds } from "../time.ts";

interface Props {
  view: ElectionView;
  nodeName: (node: number) => string;
  disabled: boolean;
  /** A heartbeat to one follower; null when the student may not send one (E8 watch). */
  onHeartbeat: ((peer: number) => void) | null;
}

/**
 * E6, for the leader: what it knows of each follower's log (matchIndex, nextIndex), when each is
 * due an AppendEntries, and a heartbeat to one follower at a time (the dock sends one to all).
 */
export function LeaderPanel({ view, nodeName, disabled, onHeartbeat }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const linkUp = new Map(view.peers.map((peer) => [peer.node, peer.up]));
  return (
    <section class="play-panel raft-followers" aria-labelledby="raft-followers-title">
      <h2 id="raft-followers-title" class="play-heading">
        {t("play.election.replication.title")}
      </h2>
      <ul class="raft-followers__list">
        {(view.replication ?? []).map((peer) => {
          const left = peer.dueAt - view.tick;
          const due = left <= 0;
          const up = linkUp.get(peer.node) !== false;
          const name = nodeName(peer.node);
          return (
            <li
              key={peer.node}
              class={`raft-follower${due ? " raft-follower--due" : ""}${up ? "" : " raft-follower--cut"}`}
            >
              <p class="raft-follower__name">
                <span>{name}</span>
                <span class="raft-follower__link">
                  {up ? "━ " : "✕ "}
                  {t(up ? "play.neighbour.up" : "play.neighbour.down")}
                </span>
              </p>
              <p class="raft-follower__progress">
                <span>
                  {t("play.election.replication.stored")} <strong>{peer.matchIndex}</strong>
                </span>
                <span>
                  {t("play.election.replication.next")} <strong>{peer.nextIndex}</strong>
                </span>
                <span class="raft-follower__due">
                  {due
                    ? `♥ ${t("play.election.replication.dueNow")}`
                    : t("play.election.replication.dueIn", { seconds: seconds(left, i18n) })}
                </span>
              </p>
              {onHeartbeat && (
                <button
                  type="button"
                  class={`button ${due ? "button--primary" : "button--secondary"} raft-follower__send`}
                  disabled={disabled}
                  aria-label={t("play.election.heartbeat.to", { name })}
                  onClick={() => onHeartbeat(peer.node)}
                >
                  {t("play.election.heartbeat.send")}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <p class="play-panel__hint">
        {t("play.election.replication.hint", { majority: view.majority })}
      </p>
    </section>
  );
}
