import { TICKS_PER_SECOND } from "@quorum/shared/engine/time";
import { PACKET_ENDS } from "@quorum/shared/modes/routing/packet";
import type { Replay } from "@quorum/shared/replay/replayer";
import type { useI18n } from "../i18n.tsx";
import type { ReplayEvent } from "./markers.ts";

type I18n = Pick<ReturnType<typeof useI18n>, "t" | "number">;

/** How a replay names its nodes and links: a student's nickname, else the number people see. */
export interface RoundNames {
  node(node: number): string;
  /** A link's two ends. */
  ends(link: number): { a: string; b: string };
  /** "every link" for null, else "link A ↔ B". */
  link(link: number | null): string;
}

export function namesOf(replay: Replay, { t }: I18n): RoundNames {
  const seats = replay.log.roster;
  const links = replay.snapshots.get(0)!.net.links;
  const node = (id: number) => seats[id]?.name || t("play.node", { number: id + 1 });
  const ends = (id: number) => {
    const link = links[id];
    return link ? { a: node(link.a), b: node(link.b) } : { a: "?", b: "?" };
  };
  return {
    node,
    ends,
    link: (id) => (id === null ? t("replay.event.everyLink") : t("replay.event.link", ends(id))),
  };
}

/** N6: a cause of loss in words, or as the engine wrote it when this client does not know it. */
export function causeText(cause: string, { t }: I18n): string {
  const end = PACKET_ENDS.find((known) => known === cause);
  return end ? t(`drop.${end}`) : cause;
}

/** One timeline event as a short sentence in the reader's language. */
export function eventText(event: ReplayEvent, names: RoundNames, i18n: I18n): string {
  const { t, number } = i18n;
  switch (event.kind) {
    case "crash":
      return t("replay.event.crash", { node: names.node(event.node) });
    case "restart":
      return t("replay.event.restart", { node: names.node(event.node) });
    case "cut":
      return t("replay.event.cut", names.ends(event.link));
    case "heal-link":
      return t("replay.event.heal-link", names.ends(event.link));
    case "loss":
      return t("replay.event.loss", { percent: event.percent, link: names.link(event.link) });
    case "latency":
      return t("replay.event.latency", {
        seconds: number(event.ticks / TICKS_PER_SECOND, 1),
        link: names.link(event.link),
      });
    case "partition":
      return t("replay.event.partition");
    case "heal-all":
      return t("replay.event.heal-all");
    case "burst":
      return t("replay.event.burst", { count: event.count });
    case "settings":
      return t("replay.event.settings");
    case "drops":
      return t("replay.event.drops", {
        count: number(event.count),
        cause: causeText(event.cause, i18n),
      });
    case "elected":
      return t("replay.event.elected", { node: names.node(event.node), term: event.term });
  }
}
