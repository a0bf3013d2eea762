import type { Client, Room } from "@colyseus/core";
import { type ProtocolError, type ProtocolErrorCode, SERVER_MESSAGE } from "@quorum/shared";
import type { Identity } from "./identity.ts";
import type { RoundProjection } from "./projection.ts";
import type { RoundRunner } from "./runner.ts";
import type { ClassroomServices } from "./services.ts";
import type { ClassroomState } from "./state.ts";

/** A connection to a classroom room; `auth` is who it is (set by onAuth, kept on reconnect). */
export type ClassroomClient = Client<{ auth: Identity }>;

export type Clock = Room["clock"];
export type Timer = ReturnType<Clock["setTimeout"]>;

/** Who to answer about an input: the client that sent it and its own number (-1 for a host's). */
export interface Origin {
  client: ClassroomClient;
  seq: number;
}

/** A round that exists (from `start` until `next`): the engine side and the clients' side. */
export interface ActiveRound {
  runner: RoundRunner;
  projection: RoundProjection;
}

/** What the parts of a classroom room share. */
export interface RoomContext {
  readonly state: ClassroomState;
  readonly clock: Clock;
  readonly services: ClassroomServices;
  readonly sessionId: string;
  /** The connected clients (not those waiting to reconnect). */
  clients(): readonly ClassroomClient[];
  /** The round, from `start` until `next`. */
  round(): ActiveRound | undefined;
  /** Sets the room's game loop (Colyseus's setTimestep), replacing the previous one. */
  loop(beat: () => void, intervalMs: number): void;
  /** Sends the state's changes now (Colyseus's broadcastPatch), ahead of the patch interval. */
  patch(): void;
}

export const isWatcher = (client: ClassroomClient): boolean =>
  client.auth?.role === "host" || client.auth?.role === "projector";

/** P6: a message refused before it reached the engine, answered with a typed error. */
export function refuse(
  client: ClassroomClient,
  code: ProtocolErrorCode,
  message: string,
  extra: Pick<ProtocolError, "seq" | "detail"> = {},
): void {
  const error: ProtocolError = { code, message };
  if (extra.seq !== undefined) error.seq = extra.seq;
  if (extra.detail !== undefined) error.detail = extra.detail;
  client.send(SERVER_MESSAGE.error, error);
}
