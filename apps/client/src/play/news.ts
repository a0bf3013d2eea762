import type { MessageArgs, MessageKey } from "@quorum/shared/i18n/index";
import type { Feedback } from "./feedback.ts";

type Translate = <K extends MessageKey>(key: K, ...args: MessageArgs<K>) => string;

/** Network causes worth telling the router about (N6); its own discards it already knows of. */
const TOLD = ["loss", "ttl", "queue-full", "link-down", "node-down", "partition"] as const;
type ToldCause = (typeof TOLD)[number];

/**
 * The one thing of a tick's events (SERVER_MESSAGE.events `{ tick, events }`, docs/protocol.md: a
 * student hears only about its own node) worth a line on the phone: a packet that reached this node as its
 * destination (R4), or one the network lost here (N6). Null when nothing is worth saying.
 */
export function eventNews(
  payload: unknown,
  node: number | null,
): { tone: Feedback["tone"]; say: (t: Translate) => string } | null {
  const events = (payload as { events?: unknown } | null)?.events;
  if (!Array.isArray(events) || node === null) return null;
  let news: ReturnType<typeof eventNews> = null;
  for (const event of events as Record<string, unknown>[]) {
    if (event?.node !== node || typeof event.packet !== "number") continue;
    const packet = event.packet;
    if (event.type === "delivered" && event.kind !== "ack") {
      news = { tone: "good", say: (t) => t("play.news.delivered", { packet }) };
    } else if (event.type === "drop" && (TOLD as readonly unknown[]).includes(event.cause)) {
      const cause = event.cause as ToldCause;
      news = {
        tone: "problem",
        say: (t) => t("play.news.lost", { packet, cause: t(`drop.${cause}`) }),
      };
    }
  }
  return news;
}
