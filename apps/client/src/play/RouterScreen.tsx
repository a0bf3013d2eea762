import type { RoutingView } from "@quorum/shared/modes/routing/index";
import { useEffect, useState } from "preact/hooks";
import { useI18n } from "../i18n.tsx";
import { Dock } from "./Dock.tsx";
import { FloodPanel } from "./FloodPanel.tsx";
import { Inbox } from "./Inbox.tsx";
import { NeighbourMap } from "./NeighbourMap.tsx";
import { NoticeList } from "./NoticeList.tsx";
import { ReliablePanel } from "./ReliablePanel.tsx";
import type { PlayerRoom } from "./usePlayerRoom.ts";

type InboxPacket = RoutingView["inbox"][number];

interface Props {
  view: RoutingView;
  nickname: string;
  paused: boolean;
  /** False while the seat is being won back: a tap could not reach the server. */
  connected: boolean;
  nodeName: (node: number) => string;
  room: Pick<PlayerRoom, "act" | "feedback" | "sentEntries">;
}

/**
 * R2: the router at work — its neighbourhood, its inbox, and one decision per packet: tap a card,
 * then a neighbour (forward), or Flood, or Drop.
 */
export function RouterScreen({ view, nickname, paused, connected, nodeName, room }: Props) {
  const { t } = useI18n();
  const [pickedEntry, setPickedEntry] = useState<number | null>(null);
  const inbox = view.inbox.filter((packet) => !room.sentEntries.has(packet.entry));
  const picked = inbox.find((packet) => packet.entry === pickedEntry) ?? null;
  const canAct = view.up && !paused && connected;

  // A picked packet that left the inbox (TTL, a crash) is no longer picked.
  useEffect(() => {
    if (pickedEntry !== null && !picked) setPickedEntry(null);
  }, [pickedEntry, picked]);

  const decide = (packet: InboxPacket, action: "flood" | "drop") => {
    setPickedEntry(null);
    room.act(
      { type: action, packet: packet.entry },
      t(action === "flood" ? "play.sent.flood" : "play.sent.drop", { id: packet.id }),
    );
  };

  return (
    <>
      {!view.up && (
        <div class="banner banner--problem" role="alert">
          <strong>✕ {t("play.down.title")}</strong>
          <span>{t("play.down.text")}</span>
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
      <div class="router">
        <NeighbourMap
          view={view}
          nickname={nickname}
          nodeName={nodeName}
          picked={picked}
          canForward={canAct && picked !== null}
          onForward={(neighbour) => {
            if (!picked) return;
            setPickedEntry(null);
            room.act(
              { type: "forward", packet: picked.entry, to: neighbour.node },
              t("play.sent.forward", { id: picked.id, name: nodeName(neighbour.node) }),
            );
          }}
        />
        <Inbox
          packets={inbox}
          limit={view.inboxLimit}
          pickedEntry={picked?.entry ?? null}
          nodeName={nodeName}
          disabled={!canAct}
          onPick={(packet) => setPickedEntry(packet.entry === pickedEntry ? null : packet.entry)}
        />
        {view.variant === "reliable" && (
          <ReliablePanel
            view={view}
            nodeName={nodeName}
            disabled={!canAct}
            onRetransmit={(seq) =>
              room.act({ type: "retransmit", seq }, t("play.sent.retransmit", { seq }))
            }
          />
        )}
        {view.variant === "flood" && <FloodPanel seen={view.seenFloods} />}
        <NoticeList notices={view.notices} nodeName={nodeName} />
      </div>
      <Dock
        feedback={room.feedback}
        hint={picked ? t("play.picked", { id: picked.id, name: nodeName(picked.dst) }) : null}
        idle={canAct && inbox.length > 0 ? t("play.pick.hint") : null}
      >
        {picked && (
          <div class="dock__actions">
            <button
              type="button"
              class="button button--secondary"
              disabled={!canAct}
              onClick={() => decide(picked, "flood")}
            >
              <span class="icon" aria-hidden="true">
                ✱
              </span>
              {t("play.action.flood")}
            </button>
            <button
              type="button"
              class="button button--secondary"
              disabled={!canAct}
              onClick={() => decide(picked, "drop")}
            >
              <span class="icon" aria-hidden="true">
                ✕
              </span>
              {t("play.action.drop")}
            </button>
            <button type="button" class="button button--quiet" onClick={() => setPickedEntry(null)}>
              {t("play.action.cancel")}
            </button>
          </div>
        )}
      </Dock>
    </>
  );
}
