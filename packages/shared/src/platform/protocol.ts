import * as v from "valibot";
import { faultSchema } from "../engine/faults.ts";

/**
 * The classroom room's protocol (P4, P5, P6), shared by server and client. Clients join the
 * Colyseus room CLASSROOM_ROOM by id with `{ token }`: a teacher's access token (host), a
 * projector token (read-only projector view) or a player token (one node).
 */
export const CLASSROOM_ROOM = "classroom";

/** P5: the round lifecycle as the room shows it. */
export const PHASES = ["lobby", "countdown", "running", "paused", "ended"] as const;
export type Phase = (typeof PHASES)[number];

/** D7: speeds the teacher can choose; 1 = 10 ticks a second. */
export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;

/** Seconds of countdown before a round starts (P5). */
export const COUNTDOWN_SECONDS = 3;

/**
 * P6: why the room refused a join. The join fails with Colyseus's ErrorCode.AUTH_FAILED (525)
 * and one of these as its message. Only `expired-token` is worth another try (with a fresh
 * token); the others mean this token will never join this room.
 */
export const JOIN_REFUSALS = [
  "missing-token",
  "invalid-token",
  "expired-token",
  "other-session",
  "removed",
  "session-ended",
] as const;
export type JoinRefusal = (typeof JOIN_REFUSALS)[number];

/** Client → server message types. */
export const CLIENT_MESSAGE = {
  /** A player's action for its node: the mode's action shape (the engine validates it). */
  act: "act",
  /** A teacher's command: HostCommand. */
  host: "host",
} as const;

/** Server → client message types. */
export const SERVER_MESSAGE = {
  /** D3: `{ seq, rejection }` — the engine refused an action; `seq` echoes the client's. */
  rejected: "rejected",
  /** D2: `{ seq, t }` — the engine played the action at once, in tick `t`; `seq` echoes the client's. */
  acted: "acted",
  /** P6: `ProtocolError` — the message itself was refused before reaching the engine. */
  error: "error",
  /** Round events of one tick for animation (host and projector; players get their own). */
  events: "events",
  /** R9 etc.: the round's summary when it ends. */
  debrief: "debrief",
  /** P3: the teacher removed this player; the client must not rejoin with the same token. */
  removed: "removed",
} as const;

/** P6: why a message was refused before it reached the engine. */
export const PROTOCOL_ERRORS = [
  "malformed",
  "forbidden",
  "rate-limited",
  "too-large",
  "wrong-phase",
] as const;
export type ProtocolErrorCode = (typeof PROTOCOL_ERRORS)[number];

export interface ProtocolError {
  code: ProtocolErrorCode;
  /** An English sentence for logs; clients show a translated message for `code`. */
  message: string;
  /** The refused `act`'s own number, when the refused message was an `act`. */
  seq?: number;
  /**
   * A stable key narrowing `code` for a host command, e.g. `nickname-taken`, `unknown-player`,
   * `not-configured`, `too-few-nodes`, or a nickname problem key such as `nickname.too-long`.
   */
  detail?: string;
}

/** What a player sends: the action and a number of its own to match a rejection to it. */
export const actMessageSchema = v.object({
  seq: v.pipe(v.number(), v.integer(), v.minValue(0)),
  action: v.unknown(),
});
export type ActMessage = v.InferOutput<typeof actMessageSchema>;

const playerId = v.pipe(v.string(), v.minLength(1), v.maxLength(64));

/** P5: the modes a classroom room hosts; each has its projection in the server (D4). */
export const ROOM_MODES = ["routing", "election"] as const;
export type RoomMode = (typeof ROOM_MODES)[number];

/** P5, N7, P3: everything a teacher can do in the room. */
export const hostCommandSchema = v.variant("type", [
  /**
   * Lobby: choose the next round's mode, its engine config (checked by the mode's configSchema
   * when it arrives) and how many nodes it has.
   */
  v.object({
    type: v.literal("configure"),
    mode: v.picklist(ROOM_MODES),
    config: v.record(v.string(), v.unknown()),
    nodes: v.pipe(v.number(), v.integer(), v.minValue(2), v.maxValue(500)),
  }),
  v.object({ type: v.literal("start") }),
  v.object({ type: v.literal("pause") }),
  v.object({ type: v.literal("resume") }),
  v.object({ type: v.literal("speed"), speed: v.picklist(SPEEDS) }),
  /** N7: a fault, applied at the next tick. */
  v.object({ type: v.literal("fault"), fault: faultSchema }),
  /**
   * A mode-specific host action (routing: burst, configure; election: command, configure),
   * checked by the mode's hostActionSchema and applied at the next tick.
   */
  v.object({ type: v.literal("mode"), action: v.unknown() }),
  v.object({ type: v.literal("end") }),
  /** Ended → lobby, keeping players, for the next round. */
  v.object({ type: v.literal("next") }),
  v.object({
    type: v.literal("rename"),
    player: playerId,
    nickname: v.pipe(v.string(), v.maxLength(100)),
  }),
  v.object({ type: v.literal("remove"), player: playerId }),
  /** D5: seconds a disconnected student's node waits before a bot takes it over. */
  v.object({
    type: v.literal("grace"),
    seconds: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(600)),
  }),
]);
export type HostCommand = v.InferOutput<typeof hostCommandSchema>;

/** P6: the largest message a client may send, in bytes. */
export const MAX_MESSAGE_BYTES = 4096;
/** P6: messages per second a client may send before it is throttled. */
export const MAX_MESSAGES_PER_SECOND = 20;
