/**
 * Who takes part in a fuzzed session, and what each of them does: fuzzing students, a projector
 * and a host that fire random shots, well-behaved students, flooders, a frame too large, frames
 * written by hand, random bytes.
 */
import {
  chance,
  forkRng,
  MAX_MESSAGE_BYTES,
  MAX_MESSAGES_PER_SECOND,
  MODES,
  pick,
  type RngState,
  nextInt as randomInt,
} from "@quorum/shared";
import {
  addPlayer,
  type Classroom,
  type Connection,
  connect,
  createSession,
  type JoinedPlayer,
  type OpenedSession,
  ownView,
  projectorToken,
  until,
} from "../harness.ts";
import { Fuzzer } from "./fuzzer.ts";
import {
  FRAME_LIMIT,
  MALFORMED,
  type Phase,
  type Role,
  type Shot,
  type ShotContext,
} from "./shots.ts";
import { goodShot, playerShot } from "./student.ts";
import { hostShot } from "./teacher.ts";
import { roomData, WIRE } from "./wire.ts";

/** Ms between two messages of one fuzzer: 14 a second, under MAX_MESSAGES_PER_SECOND. */
export const EVERY_MS = 70;

export const ROUNDS = {
  routing: { mode: "routing", nodes: 12, config: { trafficRate: 4, latency: [1, 3] } },
  election: {
    mode: "election",
    nodes: 10,
    // Manual: students answer AppendEntries too, so the well-behaved have plenty to do.
    config: { clusterSize: 5, electionTimeout: [30, 60], latency: [2, 5], assist: "manual" },
  },
} as const;
export type RoundKind = (typeof ROUNDS)[keyof typeof ROUNDS];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Student {
  player: JoinedPlayer;
  fuzzer: Fuzzer;
}

/** Session A: everyone who will misbehave, two who will not, the teacher and a projector. */
export interface Cast {
  session: OpenedSession;
  host: Fuzzer;
  projector: Fuzzer;
  fuzzers: Student[];
  good: Student[];
  /** Floods at 3× the limit: one `rate-limited`, then silence; it stays. */
  gentle: Student;
  /** Floods far above it: Colyseus disconnects it. */
  hard: Student;
  /** Sends a frame above the transport's limit: only its connection closes. */
  huge: Student;
  /** Writes Colyseus frames by hand. */
  raw: Student;
}

export function students(cast: Cast): Student[] {
  return [...cast.fuzzers, ...cast.good, cast.gentle, cast.hard, cast.huge, cast.raw];
}

/** Session A's students, in the order of Cast's fields. */
const NICKNAMES = ["Fuzz1", "Fuzz2", "Fuzz3", "Good1", "Good2", "Gentle", "Hard", "Huge", "Raw"];

/** A new session with the whole cast in its lobby. */
export async function castFor(classroom: Classroom, rng: RngState): Promise<Cast> {
  const session = await createSession(classroom);
  const host = await connect(classroom, session.roomId, await classroom.accessToken());
  const projector = await connect(classroom, session.roomId, projectorToken(session));
  const seat = async (nickname: string): Promise<Student> => {
    const player = await addPlayer(classroom, session.code, nickname);
    const conn = await connect(classroom, player.roomId, player.token);
    return { player, fuzzer: new Fuzzer(nickname, conn, forkRng(rng)) };
  };
  const seated: Student[] = [];
  for (const name of NICKNAMES) {
    seated.push(await seat(name));
  }
  await until(
    () => seated.every((student) => host.json().players?.[student.player.playerId]?.connected),
    "everyone in the lobby",
  );
  const at = (index: number) => seated[index]!;
  return {
    session,
    host: new Fuzzer("host", host, forkRng(rng)),
    projector: new Fuzzer("projector", projector, forkRng(rng)),
    fuzzers: [at(0), at(1), at(2)],
    good: [at(3), at(4)],
    gentle: at(5),
    hard: at(6),
    huge: at(7),
    raw: at(8),
  };
}

function context(fuzzer: Fuzzer, round: RoundKind, role: Role, phase: Phase): ShotContext {
  return {
    rng: fuzzer.rng,
    mode: MODES[round.mode]!,
    phase,
    role,
    nodes: round.nodes,
    view: () => ownView(fuzzer.conn),
    nextSeq: () => fuzzer.nextSeq(),
  };
}

/** Random messages from the fuzzing students, the projector and the host, in `phase`. */
export function fuzzing(cast: Cast, round: RoundKind, phase: Phase) {
  return [
    ...cast.fuzzers.map(({ fuzzer }) => ({
      fuzzer,
      next: () => playerShot(context(fuzzer, round, "player", phase)),
    })),
    {
      fuzzer: cast.projector,
      next: () => playerShot(context(cast.projector, round, "projector", phase)),
    },
    { fuzzer: cast.host, next: () => hostShot(context(cast.host, round, "host", phase)) },
  ];
}

/** What well-behaved students send while the round runs. */
export function playing(group: Student[], round: RoundKind) {
  return group.map(({ fuzzer }) => {
    const handled = new Set<number>();
    return { fuzzer, next: () => goodShot(context(fuzzer, round, "player", "running"), handled) };
  });
}

/** The hard flooder's i-th action: the mode's shape, numbered, so the log shows which got in. */
export function floodAction(round: RoundKind, i: number): unknown {
  return round.mode === "routing" ? { type: "drop", packet: i } : { type: "heartbeat", to: i };
}

/** The hand-written frames of `raw`, each with the answer it is owed. */
function rawFrames(round: RoundKind): Shot[] {
  const frame = (what: string, bytes: Uint8Array, answer: Shot["answer"]): Shot => ({
    what,
    answer,
    fire: (room) => {
      room.connection.send(bytes);
      return undefined;
    },
  });
  const engine = (seq: number) => ({ kind: "engine", seq, input: floodAction(round, 99) }) as const;
  const none = { kind: "none" } as const;
  const act = (seq: number) => ({ seq, action: floodAction(round, 99) });
  return [
    frame("ROOM_DATA alone", Uint8Array.of(WIRE.ROOM_DATA), MALFORMED),
    frame("act without payload", roomData("act"), MALFORMED),
    frame("empty type", roomData(""), MALFORMED),
    frame("type of 4 GB", Uint8Array.of(WIRE.ROOM_DATA, 0xdb, 255, 255, 255, 255), MALFORMED),
    frame("host without payload", roomData("host"), { kind: "error", code: "forbidden" }),
    frame("act by hand", roomData("act", act(1)), engine(1)),
    // Modifier bits on the lead byte do not make it anything but a ROOM_DATA.
    frame("act with modifier bits", roomData("act", act(2), 0xe0 | WIRE.ROOM_DATA), engine(2)),
    frame(
      "bytes for act",
      Uint8Array.of(WIRE.ROOM_DATA_BYTES, 0xa3, 0x61, 0x63, 0x74, 1),
      MALFORMED,
    ),
    // Frames no room reads: a ping is answered by Colyseus, the others go nowhere.
    frame("ping", Uint8Array.of(WIRE.PING), none),
    frame("join again", Uint8Array.of(WIRE.JOIN_ROOM), none),
    frame("input without inputs", Uint8Array.of(WIRE.ROOM_INPUT_RELIABLE, 1, 2, 3), none),
    frame("unknown code", Uint8Array.of(0x1f, 1, 2), none),
    frame("empty frame", new Uint8Array(0), none),
  ];
}

/** Floods, the huge frame and the hand-written frames, while the others fuzz. */
export async function abuse(cast: Cast, round: RoundKind): Promise<void> {
  await sleep(400);
  const gentle = cast.gentle.fuzzer.conn.room;
  for (let i = 0; i < 3 * MAX_MESSAGES_PER_SECOND; i++) gentle.send("act", "flood");
  const hard = cast.hard.fuzzer.conn.room;
  for (let i = 0; i < 30 * MAX_MESSAGES_PER_SECOND; i++) {
    hard.send("act", { seq: i, action: floodAction(round, i) });
  }
  const huge = cast.huge.fuzzer.conn.room;
  huge.send("act", { seq: 1, action: {}, padding: "x".repeat(MAX_MESSAGE_BYTES) });
  huge.send("act", { seq: 2, action: {}, padding: "x".repeat(FRAME_LIMIT + 1) });

  const raw = cast.raw.fuzzer;
  for (const shot of rawFrames(round)) {
    raw.fire(shot);
    await sleep(EVERY_MS);
  }
  // Every answer (its acts' verdicts too) is in before a frame msgpack cannot read gets it dropped.
  await raw.drain();
  raw.conn.room.connection.send(Uint8Array.of(...roomData("act"), 0x92, 0x01));
}

/** What the junk writers sent and got: frames, typed answers, the codes they were closed with. */
export interface Junk {
  frames: number;
  answers: number;
  closes: number[];
}

/**
 * Random bytes as Colyseus frames, then arrays nested thousands deep, from projector connections:
 * when the room drops one (Colyseus drops a client whose frame msgpack cannot read), the next
 * frame goes out on a fresh one.
 */
export async function junk(rng: RngState, open: () => Promise<Connection>): Promise<Junk> {
  const leads = [WIRE.ROOM_DATA, WIRE.ROOM_DATA_BYTES, WIRE.ROOM_REQUEST, WIRE.PING];
  const frames = Array.from({ length: 30 }, () => {
    const lead = chance(rng, 0.8) ? pick(rng, leads) : randomInt(rng, 256);
    const type = pick(rng, [[0xa3, 0x61, 0x63, 0x74], [0xa4, 0x68, 0x6f, 0x73, 0x74], []]);
    const tail = Array.from({ length: randomInt(rng, 80) }, () => randomInt(rng, 256));
    return Uint8Array.of(lead, ...type, ...tail);
  });
  for (const depth of [4_000, 7_000]) {
    frames.push(Uint8Array.of(...roomData("act"), ...new Array(depth).fill(0x91), 0xc0));
  }
  const result: Junk = { frames: 0, answers: 0, closes: [] };
  const connections: Connection[] = [];
  for (const frame of frames) {
    let conn = connections.at(-1);
    if (conn === undefined || !conn.room.connection.isOpen) {
      if (conn !== undefined) result.closes.push(await conn.closed);
      conn = await open();
      connections.push(conn);
    }
    conn.room.connection.send(frame);
    result.frames++;
    await sleep(EVERY_MS / 2);
  }
  await sleep(200);
  const last = connections.at(-1)!;
  if (!last.room.connection.isOpen) result.closes.push(await last.closed);
  result.answers = connections.reduce((sum, conn) => sum + conn.messages("error").length, 0);
  return result;
}
