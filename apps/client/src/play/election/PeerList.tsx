import type { ElectionView } from "@quorum/shared/modes/election/index";
import { useI18n } from "../../i18n.tsx";
import { RoleShape } from "./RoleBadge.tsx";

/**
 * D4: the rest of the cluster as this server knows it — whether its own link to each carries (N2,
 * N5), the leader it heard from, who voted for it and who has its vote. Never the peers' roles or
 * timers: those are theirs to know.
 */
export function PeerList({
  view,
  nodeName,
}: {
  view: ElectionView;
  nodeName: (node: number) => string;
}) {
  const { t } = useI18n();
  const size = view.peers.length + 1;
  return (
    <section class="play-panel raft-peers" aria-labelledby="raft-peers-title">
      <h2 id="raft-peers-title" class="play-heading">
        {t("play.election.peers.title")}
        <span class="inbox__count">
          {t("play.election.peers.majority", { majority: view.majority, size })}
        </span>
      </h2>
      <ul class="raft-peers__list">
        {view.peers.map((peer) => {
          const leads = view.leader === peer.node && view.role !== "leader";
          const votedForMe = view.role === "candidate" && view.votes.includes(peer.node);
          const hasMyVote = view.votedFor === peer.node;
          const marks = [
            leads ? t("play.election.peer.leader") : null,
            votedForMe ? t("play.election.peer.votedForYou") : null,
            hasMyVote && !leads ? t("play.election.peer.yourVote") : null,
          ].filter((mark) => mark !== null);
          return (
            <li
              key={peer.node}
              class={`raft-peer${peer.up ? "" : " raft-peer--cut"}${leads ? " raft-peer--leader" : ""}`}
              data-node={peer.node}
            >
              <span class="raft-peer__name">
                {leads && <RoleShape of="leader" class="raft-peer__shape" />}
                {nodeName(peer.node)}
              </span>
              <span class="raft-peer__link">
                {peer.up ? "━ " : "✕ "}
                {t(peer.up ? "play.neighbour.up" : "play.neighbour.down")}
              </span>
              {marks.length > 0 && (
                <span class="raft-peer__marks">
                  {votedForMe && <span aria-hidden="true">✓ </span>}
                  {marks.join(" · ")}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
