import { type MessageArgs, type MessageKey, t } from "@quorum/shared/i18n/index";
import { describe, expect, it } from "vitest";
import { electionNews } from "./news.ts";

const english = <K extends MessageKey>(key: K, ...args: MessageArgs<K>) => t("en", key, ...args);
const nodeName = (node: number) => ["Ada", "Ben", "Cy"][node] ?? `Node ${node + 1}`;

function said(payload: unknown, node: number | null) {
  const news = electionNews(payload, node);
  return news && { tone: news.tone, felt: news.felt, text: news.say(english, nodeName) };
}

describe("election news on the phone", () => {
  it("E5: winning an election is good news the player feels", () => {
    const events = [
      { type: "voted", node: 2, candidate: 0, term: 3, granted: true },
      { type: "elected", node: 2, cluster: 0, term: 3 },
    ];
    expect(said({ tick: 9, events }, 2)).toEqual({
      tone: "good",
      felt: true,
      text: "You won term 3: you are the leader! Send heartbeats before your followers' timers run out. (E5)",
    });
  });

  it("E6: a committed entry names its index and command", () => {
    const events = [
      { type: "transmit", message: 4, kind: "append", term: 3, from: 2, to: 0 },
      { type: "committed", node: 2, cluster: 0, index: 2, term: 3, command: "x=3" },
    ];
    expect(said({ tick: 9, events }, 2)).toMatchObject({
      tone: "good",
      text: "Entry 2 (x=3) is committed: a majority stores it. (E6)",
    });
  });

  it("E3, E4, N4: votes name the candidate; stepping down says why", () => {
    const voted = [{ type: "voted", node: 1, candidate: 0, term: 5, granted: false }];
    expect(said({ events: voted }, 1)?.text).toBe("Your node refused Ada its vote in term 5.");
    const higher = [{ type: "stepped-down", node: 1, cluster: 0, term: 5, cause: "higher-term" }];
    expect(said({ events: higher }, 1)).toMatchObject({ tone: "info", felt: false });
    const crash = [{ type: "stepped-down", node: 1, cluster: 0, term: 5, cause: "crash" }];
    expect(said({ events: crash }, 1)).toMatchObject({ tone: "problem", felt: true });
  });

  it("D4: only events about this node count; network events and nonsense say nothing", () => {
    const elsewhere = [{ type: "elected", node: 0, cluster: 0, term: 3 }];
    expect(said({ events: elsewhere }, 2)).toBeNull();
    expect(said({ events: [{ type: "arrive", message: 1, to: 2 }] }, 2)).toBeNull();
    expect(said({ events: "nope" }, 2)).toBeNull();
    expect(said(null, 2)).toBeNull();
    expect(said({ events: elsewhere }, null)).toBeNull();
  });
});
