/**
 * What a fuzz run is judged by on the server's side: a classroom server whose log lines are kept,
 * and the stored round logs replayed in a fresh engine (D1, D6) — who each input came from, which
 * the engine refused, and the network's invariants after every tick.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type StartOptions, startServer } from "@quorum/server/app";
import { SqliteStore } from "@quorum/server/store/sqlite";
import {
  DROP_CAUSES,
  type InputRejection,
  messagesHeld,
  openReplay,
  type ReplayLog,
  type Round,
  type RoutingRound,
  step,
} from "@quorum/shared";
import { addTeacher, type Classroom, FAST } from "../harness.ts";
import { describeValue } from "./values.ts";

type Logger = NonNullable<StartOptions["logger"]>;

interface LogLine {
  level: "warn" | "error";
  bindings: Record<string, unknown>;
  fields: Record<string, unknown>;
  message: string;
}

/** A classroom server (as harness.ts starts one) whose warnings and errors are kept. */
export interface FuzzClassroom extends Classroom {
  /**
   * Warnings and errors from Quorum's own code: a handler that threw, a tick that failed, a seat
   * change the engine refused, an HTTP request that failed. Each is a bug. Colyseus's own lines
   * (it logs undecodable frames) and refused joins are not counted.
   */
  problems(): string[];
}

/** A pino-shaped logger that keeps warnings and errors in `lines`. */
function keepingLogger(lines: LogLine[], bindings: Record<string, unknown> = {}): Logger {
  const keep =
    (level: LogLine["level"]) =>
    (...args: unknown[]) => {
      const fields = args.find((arg) => typeof arg === "object" && arg !== null) ?? {};
      const message = String(args.findLast((arg) => typeof arg === "string") ?? "");
      lines.push({ level, bindings, fields: fields as Record<string, unknown>, message });
    };
  const logger = {
    child: (more: Record<string, unknown>) => keepingLogger(lines, { ...bindings, ...more }),
    flush: (done?: () => void) => done?.(),
    isLevelEnabled: () => false,
    warn: keep("warn"),
    error: keep("error"),
    fatal: keep("error"),
    info: () => {},
    debug: () => {},
    trace: () => {},
  };
  // Only what the server and Colyseus call is here; the rest of pino's Logger is never touched.
  return logger as unknown as Logger;
}

function isProblem(line: LogLine): boolean {
  if (line.bindings.component === "colyseus") return false;
  // onAuth refusals and onCreate's "no such session" are thrown by design and reach the
  // room's onUncaughtException, which logs them at error level (see the fuzz test's report).
  const method = line.fields.method;
  return !(
    line.message === "classroom room error" &&
    (method === "onAuth" || method === "onCreate")
  );
}

function describeLine(line: LogLine): string {
  const err = line.fields.err as (Error & { type?: unknown; payload?: unknown }) | undefined;
  // Colyseus's OnMessageException names the message that made a handler throw.
  const message =
    err?.type === undefined
      ? ""
      : ` (message ${describeValue(err.type)}: ${describeValue(err.payload)})`;
  const detail =
    err instanceof Error ? `${err.stack ?? err.message}${message}` : describeValue(line.fields);
  return `${line.level} ${JSON.stringify(line.bindings)} ${line.message}: ${detail}`;
}

export async function startFuzzClassroom(): Promise<FuzzClassroom> {
  const dataDir = await mkdtemp(join(tmpdir(), "quorum-fuzz-"));
  const store = SqliteStore.open(":memory:");
  const clock = { now: Date.now() };
  const lines: LogLine[] = [];
  const server = await startServer(
    {
      port: 0,
      host: "127.0.0.1",
      nodeEnv: "test",
      logLevel: "warn",
      dataDir,
      publicUrl: undefined,
      databaseUrl: undefined,
      jwtSecret: FUZZ_JWT_SECRET,
    },
    { store, now: () => clock.now, classroom: FAST, logger: keepingLogger(lines) },
  );
  const teacher = await addTeacher(store, "ada@example.org", clock.now);
  return {
    server,
    base: `http://127.0.0.1:${server.port}`,
    store,
    clock,
    teacher,
    accessToken: (who = teacher) => server.tokens.signAccessToken(who),
    problems: () => lines.filter(isProblem).map(describeLine),
    async close() {
      await server.close();
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The signing secret of the fuzz server: forged tokens are signed with anything else. */
export const FUZZ_JWT_SECRET = "the fuzz server's secret, long enough for HS256";

// ---------------------------------------------------------------------------------------------
// Stored logs.

/** The inputs `actor` sent, in order; for the host, without the seat changes the room made (D5). */
export function inputsOf(log: ReplayLog, actor: number | "host"): unknown[] {
  return log.inputs
    .filter((input) => input.actor === actor)
    .filter((input) => actor !== "host" || (input.action as { type?: unknown }).type !== "seat")
    .map((input) => input.action);
}

/** The numeric actors with at least one input in the log. */
export function nodeActors(log: ReplayLog): Set<number> {
  return new Set(log.inputs.flatMap((input) => (input.actor === "host" ? [] : [input.actor])));
}

export interface Replayed {
  /** Every input the engine refused, as a fresh engine replaying the log refuses it. */
  rejections: InputRejection[];
  /** What `inspect` found after each tick, with the tick. */
  broken: string[];
}

/** Replays `log` tick by tick in a fresh engine (D1), inspecting the round after every tick. */
export function replay(log: ReplayLog, inspect: (round: Round) => string[] = () => []): Replayed {
  const opened = openReplay(log);
  if (!opened.ok) throw new Error(`the log does not open: ${opened.problem.code}`);
  const { mode, inputsByTick, snapshots } = opened.value;
  const round = structuredClone(snapshots.get(0)!);
  const rejections: InputRejection[] = [];
  const broken: string[] = [];
  while (round.tick < log.endTick) {
    rejections.push(...step(mode, round, inputsByTick.get(round.tick + 1) ?? []));
    for (const problem of inspect(round)) broken.push(`tick ${round.tick}: ${problem}`);
  }
  return { rejections, broken };
}

/** Refusals of `actor`'s inputs; for the host, of its own (not the room's seat changes). */
export function rejectionsOf(replayed: Replayed, log: ReplayLog, actor: number | "host"): number {
  const seats = new Set(
    log.inputs
      .filter((input) => (input.action as { type?: unknown }).type === "seat")
      .map((input) => input.seq),
  );
  return replayed.rejections.filter(
    (refused) => refused.actor === actor && !(actor === "host" && seats.has(refused.seq)),
  ).length;
}

/**
 * The routing network's invariants (as packages/shared's routing fuzz test checks them): packets
 * are conserved, N6 drops agree with the mode's ends, R3 held packets have TTL left, N2 nothing
 * overdue on the wire, N3 bounded inboxes, N4 a crashed node holds nothing.
 */
export function routingInvariants(round: Round): string[] {
  const { net, game } = round as RoutingRound;
  const broken: string[] = [];
  const ended = Object.values(game.stats.ends).reduce((sum, count) => sum + count, 0);
  const held = messagesHeld(net);
  if (game.stats.created !== game.stats.arrived + ended + held) {
    broken.push(
      `conservation: created ${game.stats.created} ≠ arrived ${game.stats.arrived} + ended ${ended} + held ${held}`,
    );
  }
  for (const cause of DROP_CAUSES) {
    if (net.drops[cause] !== game.stats.ends[cause]) broken.push(`N6: ${cause} counts differ`);
  }
  for (const message of [...net.inbox.flat(), ...net.outbox.flat(), ...net.inFlight]) {
    if (!Number.isInteger(message.payload.ttl) || message.payload.ttl < 1) {
      broken.push(`R3: message ${message.id} held with ttl ${message.payload.ttl}`);
    }
  }
  for (const message of net.inFlight) {
    if (message.arriveAt <= round.tick) broken.push(`N2: message ${message.id} overdue`);
  }
  net.inbox.forEach((inbox, node) => {
    if (inbox.length > net.inboxLimit) broken.push(`N3: inbox ${node} holds ${inbox.length}`);
    if (!net.nodeUp[node] && inbox.length > 0) broken.push(`N4: crashed node ${node} holds mail`);
  });
  return broken;
}
