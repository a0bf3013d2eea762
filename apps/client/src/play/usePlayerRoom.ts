import { explainRejection } from "@quorum/shared/i18n/index";
import type { ElectionAction } from "@quorum/shared/modes/election/index";
import type { RoutingAction } from "@quorum/shared/modes/routing/index";
import { SERVER_MESSAGE } from "@quorum/shared/platform/protocol";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { useI18n } from "../i18n.tsx";
import type { PlayerSeat } from "../join/joinSession.ts";
import { forgetSeat } from "../join/seats.ts";
import { type ConnectionEnd, type ConnectionStatus, connectRoom } from "../room/connection.ts";
import { actSender, onServerMessage } from "../room/messages.ts";
import { useStore } from "../room/useStore.ts";
import { electionNews } from "./election/news.ts";
import { buzz, type Feedback } from "./feedback.ts";
import { eventNews } from "./news.ts";
import { type PlayerDebrief, type PlayerScreen, readDebrief, readScreen } from "./screen.ts";

/** How long the answer to a tap holds the feedback strip against network news. */
const OWN_ANSWER_MS = 2500;

/** What a student can do: route a packet, or play a Raft server. */
export type PlayerAction = RoutingAction | ElectionAction;

export interface PlayerRoom {
  status: ConnectionStatus;
  /**
   * Why the seat is gone: removed by the teacher, refused, the game is over, or (keeping the
   * seat) this player now plays on another tab or device.
   */
  gone: "removed" | "refused" | "over" | "replaced" | null;
  screen: PlayerScreen | null;
  debrief: PlayerDebrief | null;
  feedback: Feedback | null;
  /**
   * Inbox entries (a routing packet's `entry`, an election card's `card`) acted on and not yet
   * refused: hidden until the next state drops them.
   */
  sentEntries: ReadonlySet<number>;
  /** Sends an action of the round's mode; `done` is what the feedback line says once it has gone out. */
  act(action: PlayerAction, done: string): void;
  say(tone: Feedback["tone"], text: string, felt?: boolean): void;
}

/**
 * P3, P6, D3: the player's seat in the classroom room — connection, state, and the answers to
 * its actions as sentences in the player's language.
 */
export function usePlayerRoom(joinCode: string, seat: PlayerSeat): PlayerRoom {
  const { language, t } = useI18n();
  const connection = useMemo(
    () => connectRoom({ roomId: seat.roomId, token: seat.token, revive: () => revive(joinCode) }),
    [seat.roomId, seat.token, joinCode],
  );
  useEffect(() => () => void connection.close(), [connection]);
  const status = useStore(connection.status);
  const end = useStore(connection.end);
  const state = useStore(connection.state);
  const screen = useMemo(() => (state ? readScreen(state, seat) : null), [state, seat]);

  const [removed, setRemoved] = useState(false);
  const [debrief, setDebrief] = useState<PlayerDebrief | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [sentEntries, setSentEntries] = useState<ReadonlySet<number>>(new Set());
  const feedbackId = useRef(0);
  // A line about a moment long past would mislead: it goes after a while (longer for problems).
  useEffect(() => {
    if (!feedback) return;
    const timer = setTimeout(
      () => setFeedback((now) => (now?.id === feedback.id ? null : now)),
      feedback.tone === "problem" ? 12_000 : 8_000,
    );
    return () => clearTimeout(timer);
  }, [feedback]);
  const sentBySeq = useRef(new Map<number, number>());

  // The answer to the player's own tap stays readable for a moment: news from the network
  // (a packet lost at a full inbox, every tick on a busy node) must not wipe it at once.
  const ownAnswerUntil = useRef(0);

  /** `felt`: the answer to the player's own tap — a buzz too, and it holds the strip a while. */
  const say = (tone: Feedback["tone"], text: string, felt = true) => {
    const now = performance.now();
    if (!felt && now < ownAnswerUntil.current) return;
    if (felt) ownAnswerUntil.current = now + OWN_ANSWER_MS;
    setFeedback({ id: ++feedbackId.current, tone, text });
    if (felt) buzz(tone);
  };

  // Handlers registered once read the latest language and names through this ref.
  const latest = useRef({ language, t, screen, say });
  latest.current = { language, t, screen, say };

  useEffect(() => {
    const unsubscribe = [
      onServerMessage(connection, SERVER_MESSAGE.rejected, ({ seq, rejection }) => {
        const { language, screen, say } = latest.current;
        const entry = sentBySeq.current.get(seq);
        sentBySeq.current.delete(seq);
        if (entry !== undefined) setSentEntries((sent) => without(sent, entry));
        const label = (node: number) => nameOf(screen, node, latest.current.t);
        say("problem", explainRejection(language, rejection, label));
      }),
      // Played: the card stays hidden until the next patch drops it from the inbox.
      onServerMessage(connection, SERVER_MESSAGE.acted, ({ seq }) => {
        sentBySeq.current.delete(seq);
      }),
      onServerMessage(connection, SERVER_MESSAGE.error, ({ code, seq }) => {
        const entry = seq === undefined ? undefined : sentBySeq.current.get(seq);
        if (seq !== undefined) sentBySeq.current.delete(seq);
        if (entry !== undefined) setSentEntries((sent) => without(sent, entry));
        latest.current.say("problem", latest.current.t(`play.error.${code}`));
      }),
      onServerMessage(connection, SERVER_MESSAGE.events, (payload) => {
        const { t, screen, say } = latest.current;
        const node = screen?.node ?? null;
        if (screen?.mode === "election") {
          const news = electionNews(payload, node);
          const label = (peer: number) => nameOf(screen, peer, t);
          if (news) say(news.tone, news.say(t, label), news.felt);
          return;
        }
        const news = eventNews(payload, node);
        if (news) say(news.tone, news.say(t), false);
      }),
      onServerMessage(connection, SERVER_MESSAGE.debrief, (payload) => {
        setDebrief(readDebrief(payload));
      }),
      onServerMessage(connection, SERVER_MESSAGE.removed, () => {
        // The token must not be tried again (protocol.ts); the next visit joins afresh.
        forgetSeat(joinCode);
        setRemoved(true);
        void connection.close();
      }),
    ];
    return () => {
      for (const stop of unsubscribe) stop();
    };
  }, [connection, joinCode]);

  // A new round starts with a clean slate: nothing said about the last one carries over.
  const phase = screen?.phase;
  useEffect(() => {
    if (phase === "lobby" || phase === "countdown") {
      setFeedback(null);
      setDebrief(null);
    }
  }, [phase]);

  // Say so when the connection comes back after a drop. A tap still unanswered may never have
  // arrived (a socket can look open for a while after the network is gone, and the SDK drops
  // what it queued when it gives up): its entry shows again, to be tapped again. Had the first
  // tap been played after all, the engine refuses the second (R5 for a packet).
  const previous = useRef(status);
  useEffect(() => {
    const was = previous.current;
    previous.current = status;
    if (status === "connected" && (was === "reconnecting" || was === "offline")) {
      latest.current.say("info", latest.current.t("play.status.back"));
      const unanswered = new Set(sentBySeq.current.values());
      sentBySeq.current.clear();
      if (unanswered.size > 0) {
        setSentEntries((sent) => new Set([...sent].filter((entry) => !unanswered.has(entry))));
      }
    }
  }, [status]);

  // Entries the server has dropped from the inbox need no hiding any more.
  const inbox = screen?.view?.inbox;
  const cards = screen?.election?.cards;
  useEffect(() => {
    const present = new Set([
      ...(inbox ?? []).map((packet) => packet.entry),
      ...(cards ?? []).map((card) => card.card),
    ]);
    setSentEntries((sent) => {
      const still = [...sent].filter((entry) => present.has(entry));
      return still.length === sent.size ? sent : new Set(still);
    });
  }, [inbox, cards]);

  const gone = removed ? "removed" : goneOf(end);
  useEffect(() => {
    if (gone === "refused" || gone === "over" || gone === "removed") forgetSeat(joinCode);
  }, [gone, joinCode]);

  const send = useMemo(() => actSender<PlayerAction>(connection), [connection]);
  return {
    status,
    gone,
    screen,
    debrief,
    feedback,
    sentEntries,
    say,
    act(action, done) {
      const seq = send(action);
      if (seq === null) {
        say("problem", t("play.notSent"));
        return;
      }
      const entry = entryOf(action);
      if (entry !== null) {
        sentBySeq.current.set(seq, entry);
        setSentEntries((sent) => new Set(sent).add(entry));
      }
      say("good", done);
    },
  };
}

/** P3, P6: the room says why it refused the token (a JoinRefusal) or closed the seat. */
/**
 * The room went away (a server restart): asking for the session by its code brings it back under
 * the same id (docs/api.md), and the same token rejoins it. False when the session is over.
 */
async function revive(joinCode: string): Promise<boolean> {
  const response = await fetch(`/api/sessions/${encodeURIComponent(joinCode)}`, {
    headers: { accept: "application/json" },
  });
  if (response.ok) return true;
  if (response.status === 400 || response.status === 404) return false;
  throw new Error(`HTTP ${response.status}`); // a proxy's 502, a rate limit: ask again later
}

function goneOf(end: ConnectionEnd | null): PlayerRoom["gone"] {
  if (!end || end.reason === "closed") return null;
  if (end.reason === "room-gone") return "over";
  const why = end.reason === "refused" ? end.message : end.detail;
  if (why === "removed") return "removed";
  if (why === "replaced") return "replaced";
  return end.reason === "refused" && why !== "session-ended" ? "refused" : "over";
}

/** The inbox entry an action uses up (R5: a packet; E3, E6: a card), or null. */
function entryOf(action: PlayerAction): number | null {
  switch (action.type) {
    case "forward":
    case "flood":
    case "drop":
      return action.packet;
    case "answer-vote":
    case "answer-append":
      return action.card;
    default:
      return null;
  }
}

function without(set: ReadonlySet<number>, item: number): ReadonlySet<number> {
  const next = new Set(set);
  next.delete(item);
  return next;
}

/** A node as people know it: its player's nickname, else (a bot's node) its number. */
export function nameOf(
  screen: PlayerScreen | null,
  node: number,
  t: ReturnType<typeof useI18n>["t"],
): string {
  return screen?.names[node] || t("play.node", { number: node + 1 });
}
