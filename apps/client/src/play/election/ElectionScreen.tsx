import { explainRejection } from "@quorum/shared/i18n/index";
import type { ElectionView } from "@quorum/shared/modes/election/index";
import { useI18n } from "../../i18n.tsx";
import { Dock } from "../Dock.tsx";
import { seconds } from "../time.ts";
import type { PlayerRoom } from "../usePlayerRoom.ts";
import { CardList } from "./CardList.tsx";
import { type DockAction, type DockPrompt, dockOf } from "./dock.ts";
import { LeaderPanel } from "./LeaderPanel.tsx";
import { LogList } from "./LogList.tsx";
import { PeerList } from "./PeerList.tsx";
import { RoleBadge } from "./RoleBadge.tsx";
import { TimerRing } from "./TimerRing.tsx";
import "./election.css";

interface Props {
  view: ElectionView;
  /** E6: ticks between heartbeats, for the leader's ring. */
  heartbeatInterval: number;
  paused: boolean;
  /** False while the seat is being won back: a tap could not reach the server. */
  connected: boolean;
  nodeName: (node: number) => string;
  room: Pick<PlayerRoom, "act" | "feedback" | "sentEntries">;
}

/**
 * §3.2 on a phone: one Raft server — its role, term and election timer; the requests waiting for
 * its decision; as the leader its followers and heartbeats; its log and its cluster. The one
 * action of the moment sits in the dock under the thumb (E2, E6, E8).
 */
export function ElectionScreen({
  view,
  heartbeatInterval,
  paused,
  connected,
  nodeName,
  room,
}: Props) {
  const { t } = useI18n();
  const canSend = !paused && connected;
  const canAct = view.up && canSend;
  const watching = view.assist === "watch";
  const cards = view.cards.filter((card) => !room.sentEntries.has(card.card));
  const dock = dockOf(view);

  return (
    <>
      {!view.up && (
        <div class="banner banner--problem" role="alert">
          <strong>✕ {t("play.down.title")}</strong>
          <span>{t("play.election.down.text")}</span>
        </div>
      )}
      {paused && (
        <p class="banner banner--info" role="status">
          <span class="icon" aria-hidden="true">
            ‖
          </span>
          {t("play.paused")}
        </p>
      )}
      <div class="raft">
        <Status view={view} heartbeatInterval={heartbeatInterval} nodeName={nodeName} />
        {view.role === "leader" && view.replication && (
          <LeaderPanel
            view={view}
            nodeName={nodeName}
            disabled={!canAct}
            // E8 watch: the bot sends the heartbeats.
            onHeartbeat={
              watching
                ? null
                : (peer) =>
                    room.act(
                      { type: "heartbeat", to: peer },
                      t("play.election.sent.heartbeatTo", { name: nodeName(peer) }),
                    )
            }
          />
        )}
        {!watching && (
          <CardList
            view={view}
            cards={cards}
            nodeName={nodeName}
            disabled={!canAct}
            onVote={(card, grant) =>
              room.act(
                { type: "answer-vote", card: card.card, grant },
                grant
                  ? t("play.election.sent.grant", { name: nodeName(card.from), term: card.term })
                  : t("play.election.sent.refuse", { name: nodeName(card.from) }),
              )
            }
            onAppend={(card, accept) =>
              room.act(
                { type: "answer-append", card: card.card, accept },
                t(accept ? "play.election.sent.accept" : "play.election.sent.reject", {
                  name: nodeName(card.from),
                }),
              )
            }
          />
        )}
        <LogList view={view} />
        <PeerList view={view} nodeName={nodeName} />
        <p class="raft-rules">
          {t("play.election.rules", {
            assist: t(`election.assist.${view.assist}`),
            enforcement: t(`election.enforcement.${view.enforcement}`),
          })}
        </p>
      </div>
      <Dock feedback={room.feedback} hint={<Prompt prompt={dock.prompt} />} idle={null}>
        <MainAction
          action={dock.action}
          // Restarting is the one thing a crashed node does (E8 watch).
          disabled={dock.action?.type === "restart" ? !canSend : !canAct}
          term={view.term}
          act={room.act}
        />
      </Dock>
    </>
  );
}

/** E1, E2: who this server is now — role, term, its vote or its leader — beside its timer. */
function Status({
  view,
  heartbeatInterval,
  nodeName,
}: {
  view: ElectionView;
  heartbeatInterval: number;
  nodeName: (node: number) => string;
}) {
  const { t } = useI18n();
  const { term } = view;
  // A leader's own facts are its followers' (LeaderPanel).
  const facts =
    view.role === "leader"
      ? []
      : [
          view.role === "candidate"
            ? t("play.election.votes", { count: view.votes.length, majority: view.majority })
            : view.leader === null
              ? t("play.election.noLeader")
              : t("play.election.leaderKnown", { name: nodeName(view.leader) }),
          view.votedFor === null
            ? t("play.election.notVoted", { term })
            : view.votedFor === view.node
              ? t("play.election.votedSelf", { term })
              : t("play.election.votedFor", { term, name: nodeName(view.votedFor) }),
        ];
  return (
    <section class={`raft-status raft-status--${view.role}`}>
      <TimerRing view={view} heartbeatInterval={heartbeatInterval} />
      <div class="raft-status__who">
        <RoleBadge of={view.role} />
        <p class="raft-status__term">{t("play.election.term", { term })}</p>
        {facts.length > 0 && (
          <ul class="raft-status__facts">
            {facts.map((fact) => (
              <li key={fact}>{fact}</li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

/** What the dock says about its action: why it waits, or that now is the moment (E2, E6). */
function Prompt({ prompt }: { prompt: DockPrompt }) {
  const i18n = useI18n();
  const { t, language } = i18n;
  switch (prompt.kind) {
    case "heartbeat-due":
      return <strong class="raft-prompt--urgent">♥ {t("play.election.heartbeat.due")}</strong>;
    case "may-start":
      return <strong class="raft-prompt--go">! {t("play.election.timer.expiredHint")}</strong>;
    case "watch":
      return t("play.election.watch");
    case "watch-down":
      return t("play.election.down.watch");
    case "down":
      return t("play.down.title");
    case "heartbeat-in":
      return t("play.election.heartbeat.fine", { seconds: seconds(prompt.ticks, i18n) });
    case "wait":
      return t("play.election.start.wait", { rule: prompt.rule, seconds: prompt.seconds });
    case "refused":
      return prompt.rejection.code === "election.already-leader"
        ? t("play.election.start.leader", { rule: prompt.rejection.rule })
        : explainRejection(language, prompt.rejection);
  }
}

function MainAction({
  action,
  disabled,
  term,
  act,
}: {
  action: DockAction;
  disabled: boolean;
  term: number;
  act: PlayerRoom["act"];
}) {
  const { t } = useI18n();
  if (!action) return null;
  const button = (icon: string, label: string, urgent: boolean, onClick: () => void) => (
    <button
      type="button"
      class={`button ${urgent ? "button--primary" : "button--secondary"} raft-action`}
      disabled={disabled || (action.type === "start-election" && !action.enabled)}
      onClick={onClick}
    >
      {icon && (
        <span class="icon" aria-hidden="true">
          {icon}
        </span>
      )}
      {label}
    </button>
  );
  switch (action.type) {
    case "start-election":
      return button("", t("play.election.start"), action.enabled, () =>
        act({ type: "start-election" }, t("play.election.sent.start", { term: term + 1 })),
      );
    case "heartbeat":
      return button("♥", t("play.election.heartbeat"), action.urgent, () =>
        act({ type: "heartbeat" }, t("play.election.sent.heartbeat")),
      );
    case "crash":
      return button("✕", t("play.election.crash"), false, () =>
        act({ type: "crash" }, t("play.election.sent.crash")),
      );
    case "restart":
      return button("↻", t("play.election.restart"), true, () =>
        act({ type: "restart" }, t("play.election.sent.restart")),
      );
  }
}
