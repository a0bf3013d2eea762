import type { Rejection } from "@quorum/shared/engine/contract";
import {
  CLIENT_MESSAGE,
  type HostCommand,
  PROTOCOL_ERRORS,
  type ProtocolError,
  SERVER_MESSAGE,
} from "@quorum/shared/platform/protocol";
import type { RoomConnection } from "./connection.ts";

/** D3: the engine refused the action the client numbered `seq`. */
export interface RejectedMessage {
  seq: number;
  rejection: Rejection;
}

/** D2: the engine played the action the client numbered `seq`, in tick `t`. */
export interface ActedMessage {
  seq: number;
  t: number;
}

/** What each SERVER_MESSAGE carries (protocol.ts). */
export interface ServerMessages {
  [SERVER_MESSAGE.rejected]: RejectedMessage;
  [SERVER_MESSAGE.acted]: ActedMessage;
  [SERVER_MESSAGE.error]: ProtocolError;
  /** The mode's events of one tick (routing: RoutingEvent[]); the receiver narrows them. */
  [SERVER_MESSAGE.events]: unknown;
  /** The mode's debrief (routing: RoutingDebrief and the room's additions). */
  [SERVER_MESSAGE.debrief]: unknown;
  [SERVER_MESSAGE.removed]: unknown;
}

/**
 * Handles one SERVER_MESSAGE type. Payloads the protocol fixes are checked before `handler` sees
 * them, so a malformed message is ignored rather than crashing the phone.
 */
export function onServerMessage<K extends keyof ServerMessages>(
  connection: Pick<RoomConnection, "on">,
  type: K,
  handler: (payload: ServerMessages[K]) => void,
): () => void {
  const check = CHECKS[type] as ((payload: unknown) => boolean) | undefined;
  return connection.on(type, (payload) => {
    if (!check || check(payload)) handler(payload as ServerMessages[K]);
  });
}

const CHECKS: { [K in keyof ServerMessages]?: (payload: unknown) => payload is ServerMessages[K] } =
  {
    [SERVER_MESSAGE.rejected]: (payload): payload is RejectedMessage =>
      isRecord(payload) &&
      typeof payload.seq === "number" &&
      isRecord(payload.rejection) &&
      typeof payload.rejection.rule === "string" &&
      typeof payload.rejection.code === "string",
    [SERVER_MESSAGE.acted]: (payload): payload is ActedMessage =>
      isRecord(payload) && typeof payload.seq === "number" && typeof payload.t === "number",
    [SERVER_MESSAGE.error]: (payload): payload is ProtocolError =>
      isRecord(payload) &&
      (PROTOCOL_ERRORS as readonly unknown[]).includes(payload.code) &&
      typeof payload.message === "string",
  };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/**
 * A player's actions (CLIENT_MESSAGE.act), each numbered so that a rejection names the action it
 * refuses. Returns the number, or null when there is no seat to send it on.
 */
export function actSender<Action>(
  connection: Pick<RoomConnection, "send">,
): (action: Action) => number | null {
  let seq = 0;
  return (action) => {
    const mine = seq++;
    return connection.send(CLIENT_MESSAGE.act, { seq: mine, action }) ? mine : null;
  };
}

/** A teacher's command (CLIENT_MESSAGE.host); false when there is no seat to send it on. */
export function sendHostCommand(
  connection: Pick<RoomConnection, "send">,
  command: HostCommand,
): boolean {
  return connection.send(CLIENT_MESSAGE.host, command);
}
