import { Client, CloseCode, type Room } from "@colyseus/sdk";
import type { JoinRefusal } from "@quorum/shared/platform/protocol";
import { probe } from "./liveness.ts";
import { joinRoomById, type SeatRequestFailure } from "./seat.ts";
import { createStore, type ReadStore } from "./store.ts";

/**
 * Where a connection stands, for the banner on the phone and the console:
 * - `connecting`: the first join is under way.
 * - `connected`: state flows, messages go out at once.
 * - `reconnecting`: the socket dropped; getting the same seat back (SDK reconnection, then a
 *   fresh join with the same token).
 * - `offline`: the device says it has no network; trying again as soon as it has.
 * - `ended`: for good — see `RoomConnection.end` for why. Nothing is retried.
 */
export type ConnectionStatus = "connecting" | "connected" | "reconnecting" | "offline" | "ended";

/** Why a connection ended. */
export type ConnectionEnd =
  /** `close()` was called. */
  | { reason: "closed" }
  /** The server refused the token (a removed player, an expired or forged token): do not retry. */
  | { reason: "refused"; status: number; code: number | string | null; message: string }
  /** No room with this id: the session ended, or the server restarted without it. */
  | { reason: "room-gone" }
  /**
   * The server closed the seat on purpose; `detail` is its close reason (e.g. "removed" after
   * SERVER_MESSAGE.removed, "replaced" when the same player joined on another connection).
   */
  | { reason: "left"; code: number; detail: string };

export interface RoomConnectionOptions {
  roomId: string;
  /**
   * A teacher's access token, a projector token or a player token (protocol.ts). A function is
   * asked again for every join, so a short-lived token can be renewed: a join refused as
   * `expired-token` is tried once more with what it returns next.
   */
  token: string | (() => string | Promise<string>);
  /** @default this page's origin, so no request leaves it (P8) */
  endpoint?: string;
  /** Ms between two liveness checks while the page is visible. @default 10_000 */
  heartbeatMs?: number;
  /**
   * Asked when no room has this id (a server restart, an idle room disposed): true once the
   * room is back under the same id (the HTTP API re-creates it on demand), so the join is tried
   * again; false when the session is over. A throw counts as "try later". @default none: over
   */
  revive?: () => Promise<boolean>;
}

export interface RoomConnection<State = unknown> {
  readonly roomId: string;
  readonly status: ReadStore<ConnectionStatus>;
  /** The room's state as a plain object (its `toJSON()`), null before the first patch. */
  readonly state: ReadStore<State | null>;
  /** Set when `status` becomes `ended`. */
  readonly end: ReadStore<ConnectionEnd | null>;
  /** The Colyseus session id of the current seat; it changes after a fresh join. */
  readonly sessionId: ReadStore<string | null>;
  /**
   * Sends a message now, or queues it while the SDK reconnects (it keeps the last 10) and sends
   * it once the seat is back; a fresh join drops them. False when it was neither sent nor queued
   * (no seat, or ended).
   */
  send(type: string, payload?: unknown): boolean;
  /** Handles every message of `type` from the server, across reconnections. */
  on(type: string, handler: (payload: unknown) => void): () => void;
  /** Leaves the room for good (waits at most a second for the server to confirm). */
  close(): Promise<void>;
}

/** Fresh joins after the SDK gave up: 1 s, 2 s, 4 s … at most this long apart. */
const MAX_REJOIN_DELAY_MS = 10_000;
/** SDK reconnection attempts (0.2 s … 3.2 s apart) before a fresh join takes over. */
const SDK_RETRIES = 5;
/** Messages queued while the SDK reconnects, as many as the SDK itself would keep. */
const MAX_QUEUED = 10;

/**
 * Joins the room `roomId` with `{ token }` and keeps the seat: after a network switch, a phone
 * sleep or a server blip it gets the same seat back, first through the SDK's reconnection
 * token, then by joining again with the same token (P3: the server maps a token to its node).
 */
export function connectRoom<State = unknown>(
  options: RoomConnectionOptions,
): RoomConnection<State> {
  const endpoint = options.endpoint ?? location.origin;
  const client = new Client(endpoint);
  const status = createStore<ConnectionStatus>("connecting");
  const state = createStore<State | null>(null);
  const end = createStore<ConnectionEnd | null>(null);
  const sessionId = createStore<string | null>(null);
  const handlers = new Map<string, Set<(payload: unknown) => void>>();
  let room: Room | null = null;
  let attempt = 0;
  let rejoinTimer: ReturnType<typeof setTimeout> | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let joining = false;
  /**
   * Messages sent while the SDK reconnects. The connection keeps them, not the SDK: the SDK
   * queues only while its socket is closed, and a reconnection socket is open long before the
   * seat is back (the server first waits for the old socket to time out after a network switch),
   * so what the SDK writes to it meanwhile is never read.
   */
  let queued: { type: string; payload: unknown }[] = [];
  /** A refused expired token gets one more try with a fresh one (only a token function has one). */
  let renewed = false;
  /** A room found gone is revived at most once between two seats. */
  let revived = false;

  const finish = (why: ConnectionEnd) => {
    if (end.get()) return;
    clearTimeout(rejoinTimer);
    clearInterval(heartbeat);
    removeEventListener("online", retryNow);
    removeEventListener("offline", wentOffline);
    document.removeEventListener("visibilitychange", woke);
    end.set(why);
    status.set("ended");
  };

  const dispatch = (type: string | number, payload: unknown) => {
    for (const handler of handlers.get(String(type)) ?? []) handler(payload);
  };

  const attach = (joined: Room) => {
    room = joined;
    queued = [];
    attempt = 0;
    renewed = false;
    revived = false;
    joined.reconnection.maxRetries = SDK_RETRIES;
    // The SDK skips reconnection for a seat younger than 5 s; a fresh join covers that case.
    joined.reconnection.minUptime = 0;
    sessionId.set(joined.sessionId);
    status.set("connected");
    joined.onMessage("*", dispatch);
    joined.onStateChange((next) => state.set(plain(next) as State));
    joined.onDrop(() => status.set(navigator.onLine ? "reconnecting" : "offline"));
    joined.onReconnect(() => {
      status.set("connected");
      const backlog = queued;
      queued = [];
      // The SDK acknowledges the seat right after this callback; the backlog follows that.
      queueMicrotask(() => {
        for (const { type, payload } of backlog) joined.send(type, payload);
      });
    });
    joined.onLeave((code, detail) => {
      if (room !== joined) return;
      room = null;
      if (end.get()) return;
      if (code === CloseCode.CONSENTED || code === CloseCode.NORMAL_CLOSURE) {
        finish({ reason: "left", code, detail: detail ?? "" });
        return;
      }
      scheduleRejoin(0);
    });
  };

  const join = async () => {
    if (joining || room || end.get()) return;
    joining = true;
    if (status.get() !== "connecting") status.set(navigator.onLine ? "reconnecting" : "offline");
    try {
      const token = typeof options.token === "function" ? await options.token() : options.token;
      const result = await joinRoomById(client, endpoint, options.roomId, { token });
      if (end.get()) {
        if (result.ok) void result.room.leave();
        return;
      }
      if (result.ok) attach(result.room);
      else if (result.failure.kind === "retry") scheduleRejoin();
      else if (result.failure.kind === "room-gone" && options.revive && !revived) {
        revived = true;
        await revive(options.revive);
      } else if (isExpired(result.failure) && typeof options.token === "function" && !renewed) {
        renewed = true;
        scheduleRejoin(0);
      } else finish(endOf(result.failure));
    } finally {
      joining = false;
    }
  };

  async function revive(ask: () => Promise<boolean>) {
    try {
      if (await ask()) scheduleRejoin(0);
      else finish({ reason: "room-gone" });
    } catch {
      revived = false; // not answered: ask again on the next try
      scheduleRejoin();
    }
  }

  function scheduleRejoin(delay = Math.min(MAX_REJOIN_DELAY_MS, 1000 * 2 ** attempt++)) {
    clearTimeout(rejoinTimer);
    status.set(navigator.onLine ? "reconnecting" : "offline");
    rejoinTimer = setTimeout(() => void join(), delay);
  }

  /** Back online or back on screen: try at once instead of waiting out the backoff. */
  function retryNow() {
    if (end.get()) return;
    if (room) {
      checkAlive();
      return;
    }
    attempt = 0;
    clearTimeout(rejoinTimer);
    void join();
  }

  function wentOffline() {
    if (status.get() === "reconnecting") status.set("offline");
  }

  function woke() {
    if (document.visibilityState === "visible") retryNow();
  }

  function checkAlive() {
    const current = room;
    if (current) probe(current, () => room === current);
  }

  addEventListener("online", retryNow);
  addEventListener("offline", wentOffline);
  document.addEventListener("visibilitychange", woke);
  heartbeat = setInterval(checkAlive, options.heartbeatMs ?? 10_000);
  void join();

  return {
    roomId: options.roomId,
    status,
    state,
    end,
    sessionId,
    send(type, payload) {
      if (!room || end.get()) return false;
      if (status.get() === "connected") room.send(type, payload);
      else if (queued.push({ type, payload }) > MAX_QUEUED) queued.shift();
      return true;
    },
    on(type, handler) {
      const set = handlers.get(type) ?? new Set();
      handlers.set(type, set);
      set.add(handler);
      return () => set.delete(handler);
    },
    async close() {
      const current = room;
      room = null;
      finish({ reason: "closed" });
      if (!current) return;
      try {
        // Consented: the server frees the seat at once instead of holding it for a reconnection.
        await Promise.race([current.leave(true), new Promise((done) => setTimeout(done, 1000))]);
      } catch {
        current.connection.close(); // the socket was between two reconnection attempts
      }
    },
  };
}

const EXPIRED: JoinRefusal = "expired-token";

/** P6: the room says why it refused in the message; only an expired token is worth renewing. */
function isExpired(failure: SeatRequestFailure): boolean {
  return failure.kind === "refused" && failure.message === EXPIRED;
}

function endOf(failure: Exclude<SeatRequestFailure, { kind: "retry" }>): ConnectionEnd {
  return failure.kind === "room-gone"
    ? { reason: "room-gone" }
    : { reason: "refused", status: failure.status, code: failure.code, message: failure.message };
}

/** Schema instances become plain data here, so nothing above this layer sees Colyseus types. */
function plain(state: unknown): unknown {
  if (
    state &&
    typeof state === "object" &&
    "toJSON" in state &&
    typeof state.toJSON === "function"
  ) {
    return state.toJSON();
  }
  return state;
}
