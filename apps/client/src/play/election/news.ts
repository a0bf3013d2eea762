import type { MessageArgs, MessageKey } from "@quorum/shared/i18n/index";
import type { Feedback } from "../feedback.ts";

type Translate = <K extends MessageKey>(key: K, ...args: MessageArgs<K>) => string;

export interface ElectionNews {
  tone: Feedback["tone"];
  /** Worth a buzz of its own (winning an election, a crash), like the answer to a tap. */
  felt: boolean;
  say: (t: Translate, nodeName: (node: number) => string) => string;
}

type Event = Record<string, unknown>;

/** The engine's events a student hears about its own node (docs/protocol.md), most telling first. */
const RANK = ["elected", "stepped-down", "committed", "appended", "election-started", "voted"];

/**
 * The one thing of a tick's election events (SERVER_MESSAGE.events `{ tick, events }`; a student
 * gets only those about its own node, D4) worth a line on the phone: it won an election (E5), it
 * stepped down (E4, N4), an entry committed (E6), a command arrived, it stood or voted — the last
 * two said already by the answer to its own tap, and news when the bot plays it (E8 watch).
 */
export function electionNews(payload: unknown, node: number | null): ElectionNews | null {
  const events = (payload as { events?: unknown } | null)?.events;
  if (!Array.isArray(events) || node === null) return null;
  const own = (events as unknown[]).filter(
    (event): event is Event =>
      typeof event === "object" && event !== null && (event as Event).node === node,
  );
  const rank = (event: Event) => {
    const at = RANK.indexOf(String(event.type));
    return at < 0 ? RANK.length : at;
  };
  const top = own.reduce<Event | null>(
    (best, event) => (best === null || rank(event) < rank(best) ? event : best),
    null,
  );
  return top ? newsOf(top) : null;
}

function newsOf(event: Event): ElectionNews | null {
  const term = num(event.term);
  switch (event.type) {
    case "elected":
      return { tone: "good", felt: true, say: (t) => t("play.election.news.elected", { term }) };
    case "stepped-down": {
      const cause = event.cause;
      if (cause === "crash") {
        return {
          tone: "problem",
          felt: true,
          say: (t) => t("play.election.news.stepped-down.crash"),
        };
      }
      if (cause === "other-leader") {
        return {
          tone: "info",
          felt: false,
          say: (t) => t("play.election.news.stepped-down.other-leader", { term }),
        };
      }
      return {
        tone: "info",
        felt: false,
        say: (t) => t("play.election.news.stepped-down.higher-term"),
      };
    }
    case "committed": {
      const entry = { index: num(event.index), command: String(event.command ?? "") };
      return { tone: "good", felt: false, say: (t) => t("play.election.news.committed", entry) };
    }
    case "appended": {
      const entry = { index: num(event.index), command: String(event.command ?? "") };
      return { tone: "info", felt: false, say: (t) => t("play.election.news.appended", entry) };
    }
    case "election-started":
      return { tone: "info", felt: false, say: (t) => t("play.election.news.started", { term }) };
    case "voted": {
      const candidate = num(event.candidate);
      const key =
        event.granted === true ? "play.election.news.voted" : "play.election.news.refused";
      return {
        tone: "info",
        felt: false,
        say: (t, nodeName) => t(key, { name: nodeName(candidate), term }),
      };
    }
    default:
      return null;
  }
}

function num(value: unknown): number {
  return typeof value === "number" ? value : 0;
}
