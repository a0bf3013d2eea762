import type { RoutingView } from "@quorum/shared/modes/routing/index";
import { useI18n } from "../i18n.tsx";

type Notice = RoutingView["notices"][number];

const SHAPES: Record<Notice["kind"], string> = { delivered: "✓", acked: "✓", "ttl-exceeded": "⚠" };

/** R3, R4, R7: what this node was told — delivered, time exceeded, acknowledged. Newest first. */
export function NoticeList({
  notices,
  nodeName,
}: {
  notices: readonly Notice[];
  nodeName: (node: number) => string;
}) {
  const { t } = useI18n();
  if (notices.length === 0) return null;
  return (
    <section class="play-panel" aria-labelledby="notices-title">
      <h2 id="notices-title" class="play-heading">
        {t("play.notices.title")}
      </h2>
      <ul class="notices">
        {[...notices].reverse().map((notice) => (
          <li
            key={`${notice.tick}-${notice.kind}-${notice.packet}`}
            class={`notices__item notices__item--${notice.kind === "ttl-exceeded" ? "problem" : "good"}`}
          >
            <span aria-hidden="true">{SHAPES[notice.kind]} </span>
            {t(`play.notice.${notice.kind}`, { packet: notice.packet, name: nodeName(notice.at) })}
          </li>
        ))}
      </ul>
    </section>
  );
}
