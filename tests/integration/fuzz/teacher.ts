/**
 * P5, P6, N7: what the teacher's console may send — commands of the wrong shape or phase, unknown
 * students, faults and mode actions the engine judges.
 */
import { chance, faultSchema, hostCommandSchema, pick, nextInt as randomInt } from "@quorum/shared";
import {
  type Answer,
  MALFORMED,
  oversized,
  type Shot,
  type ShotContext,
  send,
  unknownType,
} from "./shots.ts";
import { accepts, describeValue, own, parse, randomValue } from "./values.ts";

/** Commands a teacher may send (some only in another phase). */
export const VALID_HOST_COMMANDS: unknown[] = [
  { type: "start" },
  { type: "pause" },
  { type: "end" },
  { type: "next" },
  { type: "speed", speed: 4 },
  { type: "fault", fault: { type: "heal-all" } },
  { type: "remove", player: "someone" },
  { type: "configure", mode: "routing", config: {}, nodes: 3 },
];

const MALFORMED_HOST_COMMANDS: unknown[] = [
  null,
  "end",
  {},
  { type: "explode" },
  { type: "speed", speed: 3 },
  { type: "speed", speed: "4" },
  { type: "configure", mode: "mining", config: {}, nodes: 4 },
  { type: "configure", mode: "routing", config: [], nodes: 4 },
  { type: "configure", mode: "routing", config: {}, nodes: 1e9 },
  { type: "fault", fault: { type: "crash", node: "everything" } },
  { type: "fault", fault: { type: "crash", node: -1 } },
  { type: "fault", fault: { type: "seat", node: 0, name: "x", bot: null } },
  { type: "fault", fault: { type: "partition", groups: [Array.from({ length: 1001 }, () => 0)] } },
  { type: "rename", player: "", nickname: "x" },
  { type: "rename", player: "p", nickname: "x".repeat(101) },
  { type: "remove", player: "x".repeat(65) },
  { type: "grace", seconds: 601 },
  { type: "grace", seconds: -1 },
  own([["__proto__", { type: "end" }]]),
];

/** Faults the teacher may inject; some name nodes or links that do not exist (the engine says so). */
function randomFault(ctx: ShotContext): unknown {
  const { rng, nodes } = ctx;
  const node = () => randomInt(rng, nodes + 2);
  const link = () => randomInt(rng, 3 * nodes);
  return pick(rng, [
    { type: "crash", node: node() },
    { type: "restart", node: node() },
    { type: "restart", node: node() },
    { type: "cut", link: link() },
    { type: "heal-link", link: link() },
    { type: "set-loss", link: chance(rng, 0.5) ? null : link(), loss: pick(rng, [0, 0.1, 0.5]) },
    { type: "set-latency", link: null, latency: 1 + randomInt(rng, 4), jitter: randomInt(rng, 2) },
    { type: "partition", groups: [[node(), node()]] },
    { type: "heal-all" },
  ]);
}

/** Mode actions with the right shape (never a change of E7 enforcement: safety must hold). */
function randomModeAction(ctx: ShotContext): unknown {
  const { rng, nodes } = ctx;
  if (ctx.mode.id === "routing") {
    return pick(rng, [
      { type: "burst", count: 1 + randomInt(rng, 5) },
      { type: "configure", hints: chance(rng, 0.5), ttl: 1 + randomInt(rng, 20) },
    ]);
  }
  return pick(rng, [
    { type: "command", cluster: randomInt(rng, 3), command: `x=${randomInt(rng, 100)}` },
    { type: "command", cluster: 0, command: "y=1", node: randomInt(rng, nodes + 2) },
    { type: "configure", heartbeatInterval: 5 + randomInt(rng, 10) },
  ]);
}

/** One random command from the teacher's console, with the answer it is owed. */
export function hostShot(ctx: ShotContext): Shot {
  const { rng, mode, phase } = ctx;
  const shot = (command: unknown, answer: Answer, label: string): Shot => ({
    what: `${label} host ${describeValue(command)}`,
    answer,
    fire: send("host", command),
  });
  const wrongPhase: Answer = { kind: "error", code: "wrong-phase" };
  const roll = randomInt(rng, 100);
  if (roll < 20) {
    const command = chance(rng, 0.6) ? pick(rng, MALFORMED_HOST_COMMANDS) : randomValue(rng);
    // A random value could be a real command; it is not one of the fuzzer's to send.
    if (accepts(hostCommandSchema, command)) return hostShot(ctx);
    return shot(command, MALFORMED, "shape");
  }
  if (roll < 30) {
    const player = "p".repeat(1 + randomInt(rng, 64));
    const command = chance(rng, 0.5)
      ? { type: "remove", player }
      : { type: "rename", player, nickname: pick(rng, ["Zed", "", "  ", "<b>x</b>"]) };
    return shot(command, MALFORMED, "unknown-player");
  }
  if (roll < 40) {
    const action = chance(rng, 0.5) ? randomValue(rng) : { type: "burst", count: 1_000_000 };
    if (phase !== "running") return shot({ type: "mode", action }, wrongPhase, "mode");
    if (accepts(mode.hostActionSchema, action)) return hostShot(ctx);
    return shot({ type: "mode", action }, MALFORMED, "mode");
  }
  if (roll < 55) {
    // Commands of another phase: resume while running, start twice, next before the end …
    const command = pick(
      rng,
      phase === "running"
        ? [{ type: "start" }, { type: "resume" }, { type: "next" }, VALID_HOST_COMMANDS[7]]
        : [{ type: "pause" }, { type: "resume" }, { type: "end" }, { type: "fault", fault: {} }],
    );
    const answer = accepts(hostCommandSchema, command) ? wrongPhase : MALFORMED;
    return shot(command, answer, "phase");
  }
  if (roll < 65) return oversized(ctx);
  if (roll < 72) return unknownType(ctx);
  if (phase !== "running") {
    return shot({ type: "fault", fault: { type: "heal-all" } }, wrongPhase, "fault");
  }
  if (roll < 88) {
    const fault = randomFault(ctx);
    const input = parse(faultSchema, fault)!.value;
    return shot({ type: "fault", fault }, { kind: "engine", seq: -1, input }, "fault");
  }
  const action = randomModeAction(ctx);
  const input = parse(mode.hostActionSchema, action)!.value;
  return shot({ type: "mode", action }, { kind: "engine", seq: -1, input }, "mode");
}
