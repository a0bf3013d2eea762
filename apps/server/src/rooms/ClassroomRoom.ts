import { CloseCode, ErrorCode, Room, type RoomException, ServerError } from "@colyseus/core";
import {
  actMessageSchema,
  CLIENT_MESSAGE,
  hostCommandSchema,
  MAX_MESSAGE_BYTES,
  MAX_MESSAGES_PER_SECOND,
} from "@quorum/shared";
import * as v from "valibot";
import type { ClassroomSession } from "../store/types.ts";
import { checkAct } from "./acts.ts";
import { type CommandTarget, describe, runHostCommand } from "./commands.ts";
import { type ClassroomClient, type RoomContext, refuse, type Timer } from "./context.ts";
import { corked } from "./corked.ts";
import { DISCONNECT_MESSAGES_PER_SECOND, MessageGuard } from "./guard.ts";
import { type Identity, identify } from "./identity.ts";
import { RoundControl } from "./lifecycle.ts";
import { type HeldSeat, Roster } from "./players.ts";
import type { ClassroomServices } from "./services.ts";
import { ClassroomState } from "./state.ts";
import { refsFor, showOnly } from "./views.ts";

/** Seconds Colyseus holds a dropped connection's seat for the SDK to reconnect to. */
export const RECONNECT_SECONDS = 60;
/** A room nobody has been connected to for this long goes away; it is re-created on demand. */
export const IDLE_DISPOSE_MS = 30 * 60_000;

/**
 * One classroom session's room (P4–P6): who may join (onAuth), the round's lifecycle, every
 * message checked before it reaches the engine. Its id is the session's id. The rules of the
 * game are the engine's; this class only wires connections to RoundControl and the Roster.
 */
export abstract class ClassroomRoom extends Room<{
  state: ClassroomState;
  client: ClassroomClient;
}> {
  abstract readonly services: ClassroomServices;
  #session: ClassroomSession | undefined;
  #roster: Roster | undefined;
  #control: RoundControl | undefined;
  #commands: CommandTarget | undefined;
  #idle: Timer | undefined;
  readonly #guard = new MessageGuard(() => this.clock.currentTime);

  override async onCreate(options: unknown): Promise<void> {
    const sessionId = (options as { sessionId?: unknown } | undefined)?.sessionId;
    const invalid = (message: string) =>
      new ServerError(ErrorCode.MATCHMAKE_INVALID_CRITERIA, message);
    if (typeof sessionId !== "string") throw invalid("a classroom room needs a sessionId");
    const session = await this.services.store.sessions.byId(sessionId);
    if (session === undefined || session.endedAt !== null) {
      throw invalid(`session ${sessionId.slice(0, 40)} is not active`);
    }
    this.roomId = session.id;
    this.#session = session;
    // The session outlives its connections: the teacher may close the laptop mid-round (P5).
    this.autoDispose = false;
    this.maxMessagesPerSecond = DISCONNECT_MESSAGES_PER_SECOND;
    const state = new ClassroomState();
    state.code = session.joinCode;
    this.state = state;
    const ctx: RoomContext = {
      state,
      clock: this.clock,
      services: this.services,
      sessionId: session.id,
      clients: () => this.clients,
      round: () => this.#control?.active,
      loop: (beat, intervalMs) => this.setTimestep(beat, intervalMs),
      patch: () => corked(this.clients, () => this.broadcastPatch()),
    };
    const roster = new Roster(ctx);
    const control = new RoundControl(ctx, roster);
    this.#roster = roster;
    this.#control = control;
    this.#commands = { ctx, control, roster };
    this.#handle(CLIENT_MESSAGE.act, (client, message) => this.#act(client, message));
    this.#handle(CLIENT_MESSAGE.host, (client, message) => this.#host(client, message));
    this.onMessage("*", (client: ClassroomClient, type: unknown) => {
      // A message typed "*" itself arrives here with its payload where the type would be.
      const name = typeof type === "string" || typeof type === "number" ? String(type) : "*";
      if (this.#admit(client)) {
        refuse(client, "malformed", `Unknown message type "${name.slice(0, 40)}".`);
      }
    });
    this.#whenIdle();
  }

  /** P1, P3, P4, P6: the join's `token` decides who the client is; anything else is refused. */
  override async onAuth(_client: ClassroomClient, options: unknown): Promise<Identity> {
    const token = (options as { token?: unknown } | undefined)?.token;
    const session = (await this.services.store.sessions.byId(this.roomId)) ?? this.#session!;
    const identity = await identify(this.services, session, token);
    if (typeof identity === "string") throw new ServerError(ErrorCode.AUTH_FAILED, identity);
    return identity;
  }

  override onJoin(client: ClassroomClient): void {
    this.#idle?.clear();
    this.#idle = undefined;
    this.#arrive(client);
  }

  override onReconnect(client: ClassroomClient): void {
    this.#arrive(client);
  }

  override onDrop(client: ClassroomClient): void {
    const held = this.allowReconnection(client, RECONNECT_SECONDS);
    // A drop before the join completed, or while disposing, cannot be held: Colyseus answers a
    // plain rejected promise (no `reject`), and there is nothing to wait for.
    held.catch(() => {});
    if (client.auth?.role !== "player") return;
    const seat: HeldSeat | undefined =
      typeof held.reject === "function" ? { reject: (reason) => held.reject(reason) } : undefined;
    this.#roster?.depart(client, seat);
  }

  override onLeave(client: ClassroomClient): void {
    if (client.auth?.role === "player") {
      this.#roster?.depart(client);
      this.#roster?.gone(client);
    }
    client.view?.dispose();
    if (this.clients.length === 0) this.#whenIdle();
  }

  override async onDispose(): Promise<void> {
    const stored = this.#control?.dispose();
    this.#roster?.dispose();
    await stored;
  }

  override onUncaughtException(error: RoomException, method: string): void {
    // P6: a refused token, or a room asked for a session that is not active, is the client's
    // doing: one line at info, so nobody can fill the error log with stack traces.
    const { cause } = error as { cause?: unknown };
    if ((method === "onAuth" || method === "onCreate") && cause instanceof ServerError) {
      this.services.logger.info({ method, reason: cause.message }, "classroom join refused");
      return;
    }
    this.services.logger.error({ err: error, method, roomId: this.roomId }, "classroom room error");
  }

  /** The teacher ended the session: a round in play ends (and is stored), then everyone leaves. */
  async endSession(): Promise<void> {
    const control = this.#control;
    if (control && ["countdown", "running", "paused"].includes(control.phase)) await control.end();
    await this.disconnect(CloseCode.CONSENTED);
  }

  #arrive(client: ClassroomClient): void {
    this.#guard.watch(client);
    const identity = client.auth;
    if (identity?.role === "player") {
      this.#roster?.arrive(client, identity.playerId, identity.nickname);
    } else {
      showOnly(client, refsFor(client, this.#control?.active, undefined));
    }
    this.#control?.greet(client);
  }

  #whenIdle(): void {
    this.#idle?.clear();
    this.#idle = this.clock.setTimeout(() => {
      if (this.clients.length === 0) void this.disconnect();
    }, IDLE_DISPOSE_MS);
  }

  /** P6: the rate limit and the size limit, before anything looks at the content. */
  #admit(client: ClassroomClient): boolean {
    const admission = this.#guard.admit(client);
    if (admission === "rate-limited") {
      refuse(client, admission, `At most ${MAX_MESSAGES_PER_SECOND} messages a second.`);
    } else if (admission === "too-large") {
      refuse(client, admission, `A message may have at most ${MAX_MESSAGE_BYTES} bytes.`);
    }
    return admission === "ok";
  }

  /** P6: nothing a client sends may throw out of a handler; a failure is logged, the room goes on. */
  #handle(
    type: string,
    handler: (client: ClassroomClient, message: unknown) => void | Promise<void>,
  ): void {
    this.onMessage(type, (client: ClassroomClient, message: unknown) => {
      if (!this.#admit(client)) return;
      const fail = (error: unknown) =>
        this.services.logger.error({ err: error, type, roomId: this.roomId }, "message failed");
      try {
        handler(client, message)?.catch(fail);
      } catch (error) {
        fail(error);
      }
    });
  }

  /** A student's action for its own node (P6), played at once in the open tick (D2). */
  #act(client: ClassroomClient, message: unknown): void {
    const parsed = v.safeParse(actMessageSchema, message);
    if (!parsed.success) {
      refuse(client, "malformed", describe(parsed.issues));
      return;
    }
    const { seq } = parsed.output;
    const check = checkAct(client, this.#control, parsed.output.action);
    if (check.ok) this.#control!.act({ client, seq }, check.node, check.action);
    else refuse(client, check.code, check.message, { seq, detail: check.detail });
  }

  #host(client: ClassroomClient, message: unknown): Promise<void> | undefined {
    if (client.auth?.role !== "host") {
      refuse(client, "forbidden", "Only the session's teacher can do this.");
      return;
    }
    const parsed = v.safeParse(hostCommandSchema, message);
    if (!parsed.success) {
      refuse(client, "malformed", describe(parsed.issues));
      return;
    }
    return runHostCommand(this.#commands!, client, parsed.output);
  }
}

/** The room type to define, bound to the server's services (one class per server). */
export function classroomRoomType(services: ClassroomServices): new () => ClassroomRoom {
  return class BoundClassroomRoom extends ClassroomRoom {
    override readonly services = services;
  };
}
