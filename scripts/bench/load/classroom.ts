// A lecture hall as the load benchmark opens it, through Quorum's own HTTP API and SDK: a teacher
// signs in, opens one session per room with its console and projector connected, and the
// students join by code. Then the teacher runs a routing round in every room.
import { Client, type Room } from "@colyseus/sdk";
import { sleep, TEACHER, until } from "./processes.ts";

export interface Hall {
  /** Every student's seat, to hand out to the bot processes. */
  seats: { roomId: string; token: string }[];
  /** Starts a routing round in every room (students seated), once every student is there. */
  start(): Promise<void>;
  /** Bytes the consoles and projectors received since the last call. */
  watcherBytes(): number;
  end(): Promise<void>;
}

/** How many requests the hall sends at once (sign-ups of a class arrive over seconds). */
const AT_ONCE = 20;

export async function openHall(base: string, classSizes: readonly number[]): Promise<Hall> {
  const { accessToken } = await call(base, "POST", "/api/auth/login", TEACHER);
  const sessions = await inTurn(classSizes, async (size, room) => {
    const session = await call(base, "POST", "/api/sessions", undefined, accessToken);
    const projector = new URL(session.projectorUrl, base).searchParams.get("token")!;
    const watchers = [
      await watch(base, session.roomId, accessToken),
      await watch(base, session.roomId, projector),
    ];
    return { ...session, size, room, watchers };
  });
  const seats = (
    await inTurn(
      sessions.flatMap((session) =>
        Array.from({ length: session.size }, (_, n) => ({
          session,
          nickname: `r${session.room}s${n}`,
        })),
      ),
      async ({ session, nickname }) => {
        const joined = await call(base, "POST", `/api/sessions/${session.code}/players`, {
          nickname,
        });
        return { roomId: joined.roomId as string, token: joined.token as string };
      },
    )
  ).flat();
  let bytes = 0;
  for (const { watchers } of sessions) {
    for (const watcher of watchers) {
      const events = watcher.connection.events;
      const onmessage = events.onmessage;
      events.onmessage = (event: MessageEvent<ArrayBuffer>) => {
        bytes += event.data.byteLength;
        onmessage?.(event);
      };
    }
  }
  const host = (session: (typeof sessions)[number]) => session.watchers[0]!;
  return {
    seats,
    async start() {
      for (const session of sessions) {
        const console = host(session);
        await until(
          async () =>
            Object.values(console.state.toJSON().players ?? {}).filter(connected).length ===
            session.size,
          `every student of room ${session.room} in the lobby`,
        );
        // About a packet a second per student (R2), hints on (R8): every bot has work each second.
        console.send("host", {
          type: "configure",
          mode: "routing",
          config: { trafficRate: session.size, hints: true },
          nodes: session.size,
        });
        console.send("host", { type: "start" });
      }
      for (const session of sessions) {
        await until(
          async () => host(session).state.phase === "running",
          `room ${session.room} running`,
        );
      }
    },
    watcherBytes() {
      const counted = bytes;
      bytes = 0;
      return counted;
    },
    async end() {
      for (const session of sessions) host(session).send("host", { type: "end" });
      await sleep(1_000);
      for (const session of sessions) {
        for (const watcher of session.watchers) await watcher.leave(true).catch(() => {});
      }
    },
  };
}

const connected = (player: unknown) => (player as { connected?: boolean }).connected === true;

async function watch(base: string, roomId: string, token: string): Promise<Room> {
  const room: Room = await new Client(base).joinById(roomId, { token });
  room.reconnection.enabled = false;
  room.onMessage("*", () => {});
  return room;
}

/** One API call (docs/api.md); its JSON answer, read by the caller. */
async function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
  // biome-ignore lint/suspicious/noExplicitAny: the API's JSON answers (docs/api.md).
): Promise<any> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${base}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** `work` for each item, AT_ONCE at a time, results in the items' order. */
async function inTurn<T, R>(
  items: readonly T[],
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < items.length; index = next++) {
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, items.length) }, worker));
  return results;
}
