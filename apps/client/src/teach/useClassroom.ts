import { TICK_MS } from "@quorum/shared/engine/time";
import {
  type HostCommand,
  type ProtocolError,
  SERVER_MESSAGE,
} from "@quorum/shared/platform/protocol";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { RaftTraffic } from "../network/election/raftTraffic.ts";
import { TickClock, Traffic } from "../network/live.ts";
import {
  type ConnectionEnd,
  type ConnectionStatus,
  connectRoom,
  type RoomConnection,
} from "../room/connection.ts";
import { onServerMessage, type RejectedMessage, sendHostCommand } from "../room/messages.ts";
import { createStore } from "../room/store.ts";
import { useStore } from "../room/useStore.ts";
import {
  type ClassroomView,
  classroomView,
  eventsOf,
  flyingOf,
  type RoundSummaryView,
  summaryOf,
} from "./classroom.ts";
import { type ElectionSummaryView, electionSummaryOf } from "./election/board.ts";

/** Something the room refused to do for the teacher (P6, D3), to show once. */
export type Refusal =
  | { kind: "protocol"; error: ProtocolError }
  | { kind: "rejection"; rejection: RejectedMessage["rejection"] };

export interface Classroom {
  status: ConnectionStatus;
  end: ConnectionEnd | null;
  view: ClassroomView | null;
  summary: RoundSummaryView | null;
  /** The debrief of an election round (E9). */
  electionSummary: ElectionSummaryView | null;
  /** The last refusal of a command of ours (P6, D3). */
  problem: Refusal | null;
  dismissProblem(): void;
  /** Packets in flight and recent drops, for the drawing. */
  traffic: Traffic;
  /** Raft messages in flight, recent losses and client commands, for an election round. */
  raft: RaftTraffic;
  clock: TickClock;
  /** Host consoles only: a teacher's command (protocol.ts). False when not connected. */
  send(command: HostCommand): boolean;
}

const idle = {
  status: createStore<ConnectionStatus>("connecting"),
  state: createStore<unknown>(null),
  end: createStore<ConnectionEnd | null>(null),
};

/**
 * The classroom room, joined with `token` (a teacher's access token or a projector token) and
 * kept joined through network trouble (room/connection.ts).
 */
export function useClassroom(
  roomId: string | null,
  token: (() => Promise<string>) | null,
): Classroom {
  const traffic = useMemo(() => new Traffic(), []);
  const raft = useMemo(() => new RaftTraffic(), []);
  const clock = useMemo(() => new TickClock(), []);
  const [summary, setSummary] = useState<RoundSummaryView | null>(null);
  const [electionSummary, setElectionSummary] = useState<ElectionSummaryView | null>(null);
  // Events are the mode's: they go to the traffic of the round being played.
  const mode = useRef<string | null>(null);
  const [problem, setProblem] = useState<Refusal | null>(null);
  const tokenRef = useRef(token);
  tokenRef.current = token;

  const connection = useMemo<RoomConnection | null>(
    () =>
      roomId && token
        ? connectRoom({
            roomId,
            token: () => tokenRef.current?.() ?? Promise.reject(new Error("no token")),
          })
        : null,
    // A new token function (a re-render) must not make a new connection.
    [roomId, token !== null],
  );

  useEffect(() => {
    if (!connection) return;
    const stops = [
      onServerMessage(connection, SERVER_MESSAGE.events, (payload) => {
        const now = performance.now();
        const { tick, events } = eventsOf(payload);
        if (tick !== null) clock.observe(tick, now);
        if (mode.current === "election") raft.apply(events, now, tick);
        else traffic.apply(events, now);
      }),
      onServerMessage(connection, SERVER_MESSAGE.debrief, (payload) => {
        const election = electionSummaryOf(payload);
        if (election) {
          setElectionSummary(election);
          return;
        }
        const next = summaryOf(payload);
        if (next) setSummary(next);
      }),
      onServerMessage(connection, SERVER_MESSAGE.error, (error) =>
        setProblem({ kind: "protocol", error }),
      ),
      // A fault the engine refused (N7: no such node …) comes back as a rejection.
      onServerMessage(connection, SERVER_MESSAGE.rejected, ({ rejection }) =>
        setProblem({ kind: "rejection", rejection }),
      ),
    ];
    return () => {
      for (const stop of stops) stop();
      void connection.close();
    };
  }, [connection, clock, traffic, raft]);

  const status = useStore(connection?.status ?? idle.status);
  const end = useStore(connection?.end ?? idle.end);
  const state = useStore(connection?.state ?? idle.state);
  const view = useMemo(() => classroomView(state), [state]);
  mode.current = view?.mode ?? null;

  // A new round: start from the packets the host view lists; back in the lobby: forget the last.
  const phase = view?.phase ?? null;
  const round = view?.round ?? null;
  const board = view?.election ?? null;
  const hasRound = round !== null || board !== null;
  useEffect(() => {
    if (phase === "lobby") {
      setSummary(null);
      setElectionSummary(null);
    }
    if (!hasRound) {
      traffic.reset();
      raft.reset();
    }
  }, [phase, hasRound, traffic, raft]);
  const roundStarted = useRef(false);
  useEffect(() => {
    if (round && !roundStarted.current) traffic.reset(flyingOf(round));
    if (board && !roundStarted.current) raft.reset(board.messages);
    roundStarted.current = round !== null || board !== null;
  }, [round, board, traffic, raft]);

  useEffect(() => {
    if (round || board) clock.observe(view?.tick ?? 0, performance.now());
    clock.configure(TICK_MS, view?.speed ?? 1, phase === "running");
  }, [round, board, view?.tick, view?.speed, phase, clock]);

  return {
    status,
    end,
    view,
    summary,
    electionSummary,
    problem,
    dismissProblem: () => setProblem(null),
    traffic,
    raft,
    clock,
    send: (command) => (connection ? sendHostCommand(connection, command) : false),
  };
}
