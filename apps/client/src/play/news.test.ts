import { t } from "@quorum/shared/i18n/index";
import { describe, expect, it } from "vitest";
import { eventNews } from "./news.ts";

const say = (news: ReturnType<typeof eventNews>) =>
  news?.say((key, ...args) => t("en", key, ...args));

describe("news of a tick for one router", () => {
  it("R4: a packet that reached this node as its destination", () => {
    const news = eventNews(
      { tick: 5, events: [{ type: "delivered", packet: 12, kind: "data", node: 3 }] },
      3,
    );
    expect(news?.tone).toBe("good");
    expect(say(news)).toBe("Packet #12 arrived here, at its destination.");
  });

  it("N6: a packet the network lost here, with its cause; the router's own drops are not news", () => {
    const lost = { type: "drop", packet: 9, kind: "data", node: 3, cause: "queue-full" };
    expect(say(eventNews({ events: [lost] }, 3))).toBe("Packet #9 was lost here: no buffer space.");
    const discarded = { ...lost, cause: "discard" };
    expect(eventNews({ events: [discarded] }, 3)).toBeNull();
  });

  it("D4: events about other nodes, acks and malformed payloads say nothing", () => {
    expect(
      eventNews({ events: [{ type: "delivered", packet: 1, kind: "data", node: 4 }] }, 3),
    ).toBeNull();
    expect(
      eventNews({ events: [{ type: "delivered", packet: 1, kind: "ack", node: 3 }] }, 3),
    ).toBeNull();
    expect(eventNews(null, 3)).toBeNull();
    expect(eventNews({ events: "no" }, 3)).toBeNull();
  });
});
