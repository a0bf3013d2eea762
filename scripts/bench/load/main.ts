// `pnpm bench:load [baselines] [one-room] [rooms] [soak] [--quick]`: Quorum under a lecture hall
// of bot students, against two baselines measured in the same run. One JSON figure per line on
// stdout (docs/benchmarks.md says what each means), progress on stderr. Without phase names it
// runs them all (about 25 minutes); --quick shrinks every phase to check the script itself.
import { Client } from "@colyseus/sdk";
import { note, report, round } from "../report.ts";
import type { Seats } from "./bots.ts";
import { type Hall, openHall } from "./classroom.ts";
import { cpuMs, cpuPercent, rssBytes } from "./proc.ts";
import {
  type BotProcess,
  type Served,
  sleep,
  startBots,
  startEcho,
  startQuorum,
} from "./processes.ts";
import { type BotStats, mergeStats, percentiles } from "./stats.ts";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const named = args.filter((arg) => !arg.startsWith("--"));
const runs = (phase: string) => named.length === 0 || named.includes(phase);

/** The figures; --quick keeps the shape at a fifth of the size and a tenth of the time. */
const SIZE = quick
  ? {
      students: 100,
      seconds: 30,
      hall: 200,
      rooms: 6,
      hallSeconds: 20,
      soak: 50,
      soakSeconds: 150,
      soakMark: 60,
      echoSeconds: 10,
    }
  : {
      students: 500,
      seconds: 300,
      hall: 1000,
      rooms: 30,
      hallSeconds: 120,
      soak: 200,
      soakSeconds: 600,
      soakMark: 120,
      echoSeconds: 30,
    };
// `--students=N` and `--seconds=S` change the one-room phase alone, to look at one figure.
for (const arg of args) {
  const [, key, value] = /^--(students|seconds)=(\d+)$/.exec(arg) ?? [];
  if (key === "students" || key === "seconds") SIZE[key] = Number(value);
}
/** Bot processes: the bots' own decoding is spread over both cores, as phones would be elsewhere. */
const BOT_PROCESSES = 4;
/** Joins, countdown and the first full patches are over before a window opens. */
const WARM_UP_MS = 10_000;
const MB = 1024 * 1024;

interface Window {
  stats: BotStats;
  seconds: number;
  /** Share of one core the server used over the window. */
  cpu: number;
  /** Server RSS once a second over the window. */
  rss: number[];
  watcherBytes: number;
}

/** Measures `seconds` of the running phase: the bots' answers, the server's CPU and memory. */
async function measure(
  served: Served,
  bots: BotProcess[],
  seconds: number,
  hall?: Hall,
): Promise<Window> {
  for (const bot of bots) bot.measure();
  hall?.watcherBytes();
  const cpuBefore = cpuMs(served.pid);
  const started = performance.now();
  const rss: number[] = [];
  for (let second = 0; second < seconds; second++) {
    await sleep(started + (second + 1) * 1000 - performance.now());
    rss.push(rssBytes(served.pid));
    if ((second + 1) % 60 === 0) note(`  ${second + 1} s of ${seconds}`);
  }
  const wallMs = performance.now() - started;
  const cpu = cpuPercent(cpuBefore, cpuMs(served.pid), wallMs);
  const stats = mergeStats(await Promise.all(bots.map((bot) => bot.report())));
  return { stats, seconds: wallMs / 1000, cpu, rss, watcherBytes: hall?.watcherBytes() ?? 0 };
}

/** Seats split over the bot processes, each joined and acting when this resolves. */
async function botProcesses<S>(items: S[], seats: (share: S[]) => Seats): Promise<BotProcess[]> {
  const shares = Array.from({ length: BOT_PROCESSES }, (_, p) =>
    items.filter((_, i) => i % BOT_PROCESSES === p),
  );
  return Promise.all(
    shares.filter((share) => share.length > 0).map((share) => startBots(seats(share))),
  );
}

async function baseline(kind: "ws" | "colyseus", clients: number): Promise<number> {
  note(`baseline: ${kind} echo, ${clients} clients`);
  const served = await startEcho(kind);
  const base = `http://127.0.0.1:${served.port}`;
  // One room for every client: the first reservation creates it.
  const creator = kind === "colyseus" ? await new Client(base).create("echo") : undefined;
  const roomId = creator?.roomId ?? "";
  const bots = await botProcesses(
    Array.from({ length: clients }, (_, i) => i),
    (share) =>
      kind === "ws"
        ? { kind: "ws-echo", url: `ws://127.0.0.1:${served.port}`, count: share.length }
        : { kind: "colyseus-echo", base, roomId, count: share.length },
  );
  await sleep(WARM_UP_MS / 2);
  const window = await measure(served, bots, SIZE.echoSeconds);
  await Promise.all(bots.map((bot) => bot.stop()));
  await creator?.leave(true);
  await served.stop();
  const latency = percentiles(window.stats.answered);
  report({
    bench: `load-baseline-${kind}-echo`,
    value: latency.p95,
    unit: "ms",
    target: "baseline",
    met: true,
    ...latency,
    clients: window.stats.bots,
    perClientPerSecond: round(window.stats.sent / window.stats.bots / window.seconds, 2),
    serverCpuPercent: round(window.cpu),
    disconnects: window.stats.disconnects,
    errors: window.stats.errors,
  });
  return latency.p95;
}

interface Baselines {
  ws?: number;
  colyseus?: number;
}

/** A routing round in each room of `classSizes`, measured for `seconds`. */
async function quorumPhase(classSizes: number[], seconds: number) {
  const served = await startQuorum();
  const base = `http://127.0.0.1:${served.port}`;
  const hall = await openHall(base, classSizes);
  note(`  ${hall.seats.length} students signed up in ${classSizes.length} room(s); joining`);
  const bots = await botProcesses(hall.seats, (share) => ({ kind: "quorum", base, seats: share }));
  await hall.start();
  note("  round running; warming up");
  await sleep(WARM_UP_MS);
  const window = await measure(served, bots, seconds, hall);
  await hall.end();
  await Promise.all(bots.map((bot) => bot.stop()));
  await served.stop();
  return window;
}

function latencyFigure(name: string, window: Window, baselines: Baselines) {
  const { stats } = window;
  const answered = percentiles(stats.answered);
  const shown = percentiles(stats.shown);
  const ratio = (to?: number) => (to === undefined ? null : round(answered.p95 / to, 1));
  return {
    bench: `${name}-latency`,
    value: answered.p95,
    unit: "ms",
    target: "p95 <= 50",
    met: answered.p95 <= 50,
    ...answered,
    shownP50: shown.p50,
    shownP95: shown.p95,
    shownP99: shown.p99,
    vsWsEcho: ratio(baselines.ws),
    vsColyseusEcho: ratio(baselines.colyseus),
    students: stats.bots,
    actionsPerStudentSecond: round(stats.sent / stats.bots / window.seconds, 2),
    rejected: stats.rejected,
    idleShare: round(stats.idle / (stats.idle + stats.sent), 3),
  };
}

function perStudent(window: Window) {
  const { stats, seconds } = window;
  return {
    downBytesPerSecond: round(stats.bytesDown / stats.bots / seconds),
    upBytesPerSecond: round(stats.bytesUp / stats.bots / seconds),
    framesDownPerSecond: round(stats.framesDown / stats.bots / seconds, 1),
  };
}

const median = (values: number[]) =>
  [...values].sort((p, q) => p - q)[Math.floor(values.length / 2)] ?? Number.NaN;

async function oneRoom(baselines: Baselines): Promise<void> {
  note(`one room: ${SIZE.students} students, ${SIZE.seconds} s`);
  const window = await quorumPhase([SIZE.students], SIZE.seconds);
  const name = `load-${SIZE.students}-one-room`;
  const bytes = perStudent(window);
  report(latencyFigure(name, window, baselines));
  report({
    bench: `${name}-down`,
    value: bytes.downBytesPerSecond,
    unit: "B/s per student",
    target: "<= 2048",
    met: bytes.downBytesPerSecond <= 2048,
    ...bytes,
    watcherDownBytesPerSecond: round(window.watcherBytes / 2 / window.seconds),
  });
  report({
    bench: `${name}-cpu`,
    value: round(window.cpu),
    unit: "% of one core",
    target: "<= 60",
    met: window.cpu <= 60,
    rssMB: round(median(window.rss) / MB),
    rssMaxMB: round(Math.max(...window.rss) / MB),
  });
  report({
    bench: `${name}-disconnects`,
    value: window.stats.disconnects,
    unit: "count",
    target: `0 over ${SIZE.seconds} s`,
    met: window.stats.disconnects === 0,
    errors: window.stats.errors,
    errorCodes: window.stats.errorCodes,
    seconds: round(window.seconds),
  });
}

async function rooms(baselines: Baselines): Promise<void> {
  const sizes = Array.from(
    { length: SIZE.rooms },
    (_, room) => Math.floor(SIZE.hall / SIZE.rooms) + (room < SIZE.hall % SIZE.rooms ? 1 : 0),
  );
  note(`${SIZE.rooms} rooms: ${SIZE.hall} students, ${SIZE.hallSeconds} s`);
  const window = await quorumPhase(sizes, SIZE.hallSeconds);
  report({
    ...latencyFigure(`load-${SIZE.hall}-in-${SIZE.rooms}-rooms`, window, baselines),
    ...perStudent(window),
    rooms: SIZE.rooms,
    serverCpuPercent: round(window.cpu),
    rssMB: round(median(window.rss) / MB),
    disconnects: window.stats.disconnects,
    errors: window.stats.errors,
  });
}

async function soak(): Promise<void> {
  note(`soak: ${SIZE.soak} students, one ${SIZE.soakSeconds} s round`);
  const window = await quorumPhase([SIZE.soak], SIZE.soakSeconds);
  // The round's minute 2 counts from its start, which the warm-up put WARM_UP_MS before the window.
  const mark = SIZE.soakMark - WARM_UP_MS / 1000;
  const atMark = median(window.rss.slice(mark - 5, mark + 5));
  const atEnd = median(window.rss.slice(-10));
  const growth = ((atEnd - atMark) / atMark) * 100;
  report({
    bench: `load-soak-${SIZE.soak}`,
    value: round(growth, 1),
    unit: "% RSS growth",
    target: "<= 10",
    met: growth <= 10,
    rssAtMinute2MB: round(atMark / MB),
    rssAtEndMB: round(atEnd / MB),
    rssMaxMB: round(Math.max(...window.rss) / MB),
    // The curve, so a plateau can be told from a leak: RSS at the end of each minute of the window.
    rssByMinuteMB: window.rss
      .filter((_, second) => (second + 1) % 60 === 0)
      .map((rss) => round(rss / MB)),
    roundSeconds: SIZE.soakSeconds + WARM_UP_MS / 1000,
    p95: percentiles(window.stats.answered).p95,
    disconnects: window.stats.disconnects,
    errors: window.stats.errors,
  });
}

// A signal or an unhandled failure still runs the exit handler that stops the processes a phase
// started (processes.ts).
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(130));
process.on("unhandledRejection", (error) => {
  console.error(error);
  process.exit(1);
});

const baselines: Baselines = {};
if (runs("baselines")) {
  baselines.ws = await baseline("ws", SIZE.students);
  baselines.colyseus = await baseline("colyseus", SIZE.students);
}
if (runs("one-room")) await oneRoom(baselines);
if (runs("rooms")) await rooms(baselines);
if (runs("soak")) await soak();
