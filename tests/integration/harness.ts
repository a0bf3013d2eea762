import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client, type Room } from "@colyseus/sdk";
import { type RunningServer, type StartOptions, startServer } from "@quorum/server/app";
import { SqliteStore } from "@quorum/server/store/sqlite";
import type { Store, StoredRound, Teacher } from "@quorum/server/store/types";
import type { ReplayLog } from "@quorum/shared";
import { afterAll, beforeAll, beforeEach } from "vitest";

export const HOUR = 3_600_000;

/**
 * One classroom server for a test file: started before its tests, closed after them, and its
 * clock an hour later for each test, so every test starts with fresh rate-limit windows. The
 * returned object stands for the server once it is up (reading it before then throws).
 */
export function classroomPerFile(options: Parameters<typeof startClassroom>[0] = {}): Classroom {
  let started: Classroom | undefined;
  beforeAll(async () => {
    started = await startClassroom(options);
  });
  afterAll(async () => {
    await started?.close();
  });
  beforeEach(() => {
    if (started) started.clock.now += HOUR;
  });
  return new Proxy({} as Classroom, {
    get(_, key) {
      if (!started) throw new Error("the classroom server is not up yet");
      return Reflect.get(started, key);
    },
  });
}

/**
 * A Quorum server on a free port with an in-memory store, a teacher, and helpers to drive its
 * classroom rooms through the real SDK. Ticks are fast so that a test sees many of them; no
 * test asserts how long anything took.
 */
export interface Classroom {
  server: RunningServer;
  base: string;
  store: Store;
  /** The server's wall clock (tokens, rate limits); tests move it forward by hand. */
  clock: { now: number };
  teacher: Teacher;
  accessToken(teacher?: Teacher): Promise<string>;
  close(): Promise<void>;
}

export const FAST: StartOptions["classroom"] = { tickMs: 10, countdownMs: 30 };

export async function startClassroom(
  options: {
    classroom?: StartOptions["classroom"];
    store?: Store;
    /** S1: let the server open this PostgreSQL database itself, as DATABASE_URL does. */
    databaseUrl?: string;
  } = {},
): Promise<Classroom> {
  const dataDir = await mkdtemp(join(tmpdir(), "quorum-classroom-"));
  const ownStore =
    options.store === undefined && options.databaseUrl === undefined
      ? SqliteStore.open(":memory:")
      : undefined;
  const clock = { now: Date.now() };
  const server = await startServer(
    {
      port: 0,
      host: "127.0.0.1",
      nodeEnv: "test",
      logLevel: "silent",
      dataDir,
      publicUrl: undefined,
      databaseUrl: options.databaseUrl,
      jwtSecret: "a test secret that is long enough for HS256 ok",
    },
    {
      store: options.store ?? ownStore,
      now: () => clock.now,
      classroom: options.classroom ?? FAST,
    },
  );
  const { store } = server;
  const teacher =
    (await store.teachers.byEmail("ada@example.org")) ??
    (await addTeacher(store, "ada@example.org", clock.now));
  return {
    server,
    base: `http://127.0.0.1:${server.port}`,
    store,
    clock,
    teacher,
    accessToken: (who = teacher) => server.tokens.signAccessToken(who),
    async close() {
      await server.close();
      await ownStore?.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function addTeacher(store: Store, email: string, now: number): Promise<Teacher> {
  const created = await store.teachers.create({
    email,
    // Never used to sign in: tests sign access tokens directly.
    passwordHash: "scrypt$16384$8$1$AAAA$AAAA",
    role: "teacher",
    createdAt: now,
  });
  if (!created.ok) throw new Error(created.problem);
  return created.value;
}

export interface ApiAnswer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: a test reads whatever JSON came back.
  body: any;
}

export async function api(
  classroom: Pick<Classroom, "base">,
  method: string,
  path: string,
  options: { body?: unknown; token?: string } = {},
): Promise<ApiAnswer> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(`${classroom.base}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === "" ? undefined : JSON.parse(text),
  };
}

export interface OpenedSession {
  id: string;
  code: string;
  roomId: string;
  joinUrl: string;
  projectorUrl: string;
}

export async function createSession(classroom: Classroom): Promise<OpenedSession> {
  const answer = await api(classroom, "POST", "/api/sessions", {
    token: await classroom.accessToken(),
  });
  if (answer.status !== 201) throw new Error(`session not created: ${answer.status}`);
  return answer.body;
}

export interface JoinedPlayer {
  playerId: string;
  token: string;
  roomId: string;
  nickname: string;
}

export async function addPlayer(
  classroom: Classroom,
  code: string,
  nickname: string,
): Promise<JoinedPlayer> {
  const answer = await api(classroom, "POST", `/api/sessions/${code}/players`, {
    body: { nickname },
  });
  if (answer.status !== 201) throw new Error(`${nickname} not joined: ${answer.status}`);
  return answer.body;
}

/** S2: round `number` of a session as stored, once it no longer runs, and its log. */
export async function storedRound(
  classroom: Pick<Classroom, "store">,
  sessionId: string,
  number = 1,
): Promise<{ round: StoredRound; log: ReplayLog }> {
  let round: StoredRound | undefined;
  await until(async () => {
    round = await classroom.store.rounds.byNumber(sessionId, number);
    return round !== undefined && round.status !== "running";
  }, `round ${number} to be stored`);
  const log = await classroom.store.rounds.log(round!.id);
  if (log === undefined) throw new Error(`round ${number} has no log`);
  return { round: round!, log };
}

/** The projector token inside a session's projector URL. */
export function projectorToken(session: OpenedSession): string {
  return new URL(session.projectorUrl, "http://x").searchParams.get("token")!;
}

// biome-ignore lint/suspicious/noExplicitAny: the room's state is decoded by reflection.
export type AnyRoom = Room<any, any>;

/** Everything one SDK connection received, and ways to wait for more. */
export interface Connection {
  room: AnyRoom;
  /** The messages of `type` received so far, oldest first. */
  // biome-ignore lint/suspicious/noExplicitAny: payloads are checked by the tests.
  messages(type: string): any[];
  /** The state as plain JSON (its `toJSON()`). */
  // biome-ignore lint/suspicious/noExplicitAny: the state is checked by the tests.
  json(): any;
  /** Resolves with the first message of `type` (from now on, or already received) that passes. */
  // biome-ignore lint/suspicious/noExplicitAny: payloads are checked by the tests.
  next(type: string, test?: (payload: any) => boolean, from?: number): Promise<any>;
  /** Close code once the server or the client ended the connection. */
  closed: Promise<number>;
  /** Bytes of the frames received since the connection was watched: state patches, messages. */
  bytes(): number;
}

export async function connect(
  classroom: Pick<Classroom, "base">,
  roomId: string,
  token: string,
): Promise<Connection> {
  const client = new Client(classroom.base);
  const room: AnyRoom = await client.joinById(roomId, { token });
  return watch(room);
}

export function watch(room: AnyRoom): Connection {
  const received = new Map<string, unknown[]>();
  room.reconnection.enabled = false;
  room.onMessage("*", (type, payload) => {
    const list = received.get(String(type)) ?? [];
    list.push(payload);
    received.set(String(type), list);
  });
  const closed = new Promise<number>((resolve) => room.onLeave((code) => resolve(code)));
  const messages = (type: string) => received.get(type) ?? [];
  let bytes = 0;
  const events = room.connection.events;
  const onmessage = events.onmessage;
  events.onmessage = (event: MessageEvent<ArrayBuffer>) => {
    bytes += event.data.byteLength;
    onmessage?.(event);
  };
  return {
    room,
    messages,
    json: () => room.state?.toJSON?.() ?? {},
    closed,
    bytes: () => bytes,
    async next(type, test = () => true, from = 0) {
      let found: unknown;
      await until(() => {
        found = messages(type)
          .slice(from)
          .find((payload) => test(payload));
        return found !== undefined;
      }, `a "${type}" message`);
      return found;
    },
  };
}

/** Waits until `condition` holds; fails with `what` after a generous timeout. */
export async function until(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** How a join was refused: the SDK's MatchMakeError carries the room's code and message. */
export async function refusal(
  promise: Promise<unknown>,
): Promise<{ code: number; message: string }> {
  try {
    await promise;
  } catch (error) {
    const { code, message } = error as { code: number; message: string };
    return { code, message };
  }
  throw new Error("the join was not refused");
}

export interface Seated extends JoinedPlayer {
  conn: Connection;
}

export interface RunningRound {
  session: OpenedSession;
  host: Connection;
  students: Seated[];
}

/**
 * A round already running (routing unless `mode` says otherwise): a host, `nicknames` connected
 * and seated, bots elsewhere.
 */
export async function runningRound(
  classroom: Classroom,
  options: {
    nicknames: string[];
    nodes: number;
    mode?: string;
    config?: Record<string, unknown>;
  },
): Promise<RunningRound> {
  const session = await createSession(classroom);
  const host = await connect(classroom, session.roomId, await classroom.accessToken());
  const students: Seated[] = [];
  for (const nickname of options.nicknames) {
    const player = await addPlayer(classroom, session.code, nickname);
    students.push({ ...player, conn: await connect(classroom, player.roomId, player.token) });
  }
  await until(
    () => students.every((student) => host.json().players?.[student.playerId]?.connected),
    "every student in the lobby",
  );
  sendHost(host, {
    type: "configure",
    mode: options.mode ?? "routing",
    config: options.config ?? {},
    nodes: options.nodes,
  });
  sendHost(host, { type: "start" });
  await until(() => host.json().phase === "running", "the round to run");
  return { session, host, students };
}

export function sendHost(conn: Connection, command: Record<string, unknown>): void {
  conn.room.send("host", command);
}

export function sendAct(conn: Connection, seq: number, action: unknown): void {
  conn.room.send("act", { seq, action });
}

/** The node a player plays, from the class list every client receives. */
export function nodeOf(conn: Connection, playerId: string): number {
  return conn.json().players?.[playerId]?.node ?? -1;
}

/** The round's projection, `state[mode]` (routing, election). */
// biome-ignore lint/suspicious/noExplicitAny: the projection is checked by the tests.
export function roundState(conn: Connection): any {
  const json = conn.json();
  return json.mode ? json[json.mode] : undefined;
}

/** A student's own node view (the one entry of `state[mode].nodes` it receives). */
// biome-ignore lint/suspicious/noExplicitAny: the view is checked by the tests.
export function ownView(conn: Connection): any {
  return Object.values(roundState(conn)?.nodes ?? {})[0];
}

/** The host's picture of one node (the board's node, as the mode's host view has it). */
// biome-ignore lint/suspicious/noExplicitAny: the board is checked by the tests.
export function boardNode(conn: Connection, node: number): any {
  return roundState(conn)?.board?.nodes?.[node];
}
