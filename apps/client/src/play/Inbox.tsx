import { TICKS_PER_SECOND } from "@quorum/shared/engine/time";
import type { RoutingView } from "@quorum/shared/modes/routing/index";
import { useI18n } from "../i18n.tsx";
import { PacketShape } from "./PacketShape.tsx";
import { seconds } from "./time.ts";

type InboxPacket = RoutingView["inbox"][number];

interface Props {
  packets: readonly InboxPacket[];
  limit: number;
  pickedEntry: number | null;
  nodeName: (node: number) => string;
  disabled: boolean;
  onPick: (packet: InboxPacket) => void;
}

/** R2, R5: the packets waiting at this router, one card each; a tap picks one to route. */
export function Inbox({ packets, limit, pickedEntry, nodeName, disabled, onPick }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <section class="inbox" aria-labelledby="inbox-title">
      <h2 id="inbox-title" class="play-heading">
        {t("play.inbox.title")}
        <span class="inbox__count">{t("play.inbox.count", { count: packets.length, limit })}</span>
      </h2>
      {packets.length === 0 ? (
        <p class="inbox__empty">{t("play.inbox.empty")}</p>
      ) : (
        <ul class="inbox__list">
          {packets.map((packet) => {
            const picked = packet.entry === pickedEntry;
            return (
              <li key={packet.entry}>
                <button
                  type="button"
                  class={`packet packet--${packet.kind}`}
                  aria-pressed={picked}
                  disabled={disabled}
                  onClick={() => onPick(packet)}
                >
                  <span class="packet__head">
                    <PacketShape kind={packet.kind} />
                    <span class="packet__kind">
                      {t(`play.packet.${packet.kind}`)} #{packet.id}
                    </span>
                    <span class={`packet__ttl${packet.ttl <= 2 ? " packet__ttl--low" : ""}`}>
                      {t("play.packet.ttl", { ttl: packet.ttl })}
                    </span>
                  </span>
                  <span class="packet__to">
                    {t("play.packet.to", { name: nodeName(packet.dst) })}
                  </span>
                  <span class="packet__details">
                    {[
                      packet.from === null
                        ? t("play.packet.new")
                        : t("play.packet.from", { name: nodeName(packet.from) }),
                      packet.age < TICKS_PER_SECOND
                        ? t("play.packet.justArrived")
                        : t("play.packet.age", { seconds: seconds(packet.age, i18n, 0) }),
                      packet.seq === null ? null : t("play.packet.seq", { seq: packet.seq }),
                    ]
                      .filter((part) => part !== null)
                      .join(" · ")}
                  </span>
                  {picked && (
                    <span class="packet__check" aria-hidden="true">
                      ✓
                    </span>
                  )}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
