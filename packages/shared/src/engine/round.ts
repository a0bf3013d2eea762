import * as v from "valibot";
import { createNet, deliver, isUp, type NetHooks, transmit } from "../net/network.ts";
import type { NodeId } from "../net/topology.ts";
import { seedRng } from "../rng.ts";
import type {
  GameMode,
  ModeTypes,
  Rejection,
  Round,
  RoundEvent,
  Seat,
  TickCtx,
} from "./contract.ts";
import { applyFault, FALLACY_OF, faultSchema, seatSchema, validateFault } from "./faults.ts";

/** D2: an input as the server stamped it: the tick it applies at and its place in receipt order. */
export interface Input {
  t: number;
  seq: number;
  actor: NodeId | "host";
  action: unknown;
}

export interface InputRejection {
  seq: number;
  actor: NodeId | "host";
  rejection: Rejection;
}

export class ConfigError extends Error {
  readonly issues: string[];
  constructor(issues: string[]) {
    super(`invalid round config: ${issues.join("; ")}`);
    this.issues = issues;
  }
}

/** Validates `config` (applying defaults) and builds tick 0 of a round. */
export function createRound<T extends ModeTypes>(
  mode: GameMode<T>,
  config: unknown,
  seats: Seat[],
  seed: number,
): Round<T> {
  const parsed = v.safeParse(mode.configSchema, config);
  if (!parsed.success) throw new ConfigError(parsed.issues.map(describeIssue));
  const rng = seedRng(seed);
  const { topology, net, game } = mode.setup(parsed.output, seats.length, rng);
  return {
    mode: mode.id,
    config: parsed.output,
    tick: 0,
    rng,
    seats: seats.map((seat) => ({ ...seat })),
    net: createNet(topology, net),
    game,
  };
}

/**
 * Advances the round by one tick: inputs in receipt order (D2), then bots (D5), then the network
 * delivers, the mode ticks and queued messages go on the wire. Pure apart from `round` itself.
 * The server plays the same tick in three parts (openTick, applyInput as each input arrives,
 * closeTick at the beat), which gives the same state: nothing else touches the round between.
 */
export function step<T extends ModeTypes>(
  mode: GameMode<T>,
  round: Round<T>,
  inputs: readonly Input[],
  emit: (event: RoundEvent<T>) => void = () => {},
): InputRejection[] {
  const ctx = openTick(mode, round, emit);
  const rejections: InputRejection[] = [];
  // D2: receipt order is the server's seq, whatever order the inputs were handed over in.
  for (const input of [...inputs].sort((p, q) => p.seq - q.seq)) {
    const rejection = applyInput(mode, round, input, ctx);
    if (rejection) rejections.push({ seq: input.seq, actor: input.actor, rejection });
  }
  closeTick(mode, round, ctx);
  return rejections;
}

/** Starts the next tick: from here its inputs may be applied, one at a time. */
export function openTick<T extends ModeTypes>(
  mode: GameMode<T>,
  round: Round<T>,
  emit: (event: RoundEvent<T>) => void = () => {},
): TickCtx<T> {
  round.tick++;
  return tickContext(mode, round, emit);
}

/** Applies one input of the open tick (D2, D3): null, or why the engine refused it. */
export function applyInput<T extends ModeTypes>(
  mode: GameMode<T>,
  round: Round<T>,
  input: Input,
  ctx: TickCtx<T>,
): Rejection | null {
  return input.actor === "host"
    ? applyHostInput(mode, round, input.action, ctx)
    : applyNodeInput(mode, round, input.actor, input.action, ctx);
}

/** Ends the open tick: bots play (D5), the network delivers, the mode ticks, messages leave. */
export function closeTick<T extends ModeTypes>(
  mode: GameMode<T>,
  round: Round<T>,
  ctx: TickCtx<T>,
): void {
  playBots(mode, round, ctx);
  deliver(round.net, ctx.net, round.tick);
  mode.tick(round, ctx);
  transmit(round.net, ctx.net, round.tick, round.rng);
}

function tickContext<T extends ModeTypes>(
  mode: GameMode<T>,
  round: Round<T>,
  emit: (event: RoundEvent<T>) => void,
): TickCtx<T> {
  const net: NetHooks<T["payload"]> = {
    arrive: (message) => mode.arrive(round, message, ctx),
    dropped: (drop) => mode.dropped(round, drop),
    emit,
  };
  const ctx: TickCtx<T> = { tick: round.tick, rng: round.rng, emit, net };
  return ctx;
}

function applyNodeInput<T extends ModeTypes>(
  mode: GameMode<T>,
  round: Round<T>,
  node: NodeId,
  action: unknown,
  ctx: TickCtx<T>,
): Rejection | null {
  if (!Number.isInteger(node) || node < 0 || node >= round.seats.length) {
    return { rule: "P6", code: "input.no-such-node", params: { node: String(node) } };
  }
  const parsed = v.safeParse(mode.actionSchema, action);
  const allowedDown = parsed.success && mode.actsWhileDown?.(parsed.output) === true;
  if (!isUp(round.net, node) && !allowedDown) return { rule: "N4", code: "node.down" };
  if (!parsed.success) return malformed(parsed.issues);
  const rejection = mode.validate(round, node, parsed.output);
  if (!rejection) mode.apply(round, node, parsed.output, ctx);
  return rejection;
}

const hostInputSchema = v.variant("type", [faultSchema, seatSchema]);
/** The host input types the engine handles for every mode (N7 faults, D5 seats). */
const commonTypes = new Set<unknown>([...Object.keys(FALLACY_OF), "seat"]);

function applyHostInput<T extends ModeTypes>(
  mode: GameMode<T>,
  round: Round<T>,
  action: unknown,
  ctx: TickCtx<T>,
): Rejection | null {
  const common = v.safeParse(hostInputSchema, action);
  if (common.success) {
    const input = common.output;
    if (input.type !== "seat") {
      const rejection = validateFault(round, input);
      if (!rejection) applyFault(round, input, ctx, mode);
      return rejection;
    }
    if (input.node >= round.seats.length) {
      return { rule: "D5", code: "input.no-such-node", params: { node: input.node } };
    }
    round.seats[input.node] = { name: input.name, bot: input.bot };
    return null;
  }
  const own = v.safeParse(mode.hostActionSchema, action);
  if (!own.success) {
    // P6: a malformed fault or seat change is explained by its own shape, not the mode's.
    const type = typeof action === "object" && action !== null && "type" in action && action.type;
    return malformed(commonTypes.has(type) ? common.issues : own.issues);
  }
  const rejection = mode.validateHost(round, own.output);
  if (!rejection) mode.applyHost(round, own.output, ctx);
  return rejection;
}

function playBots<T extends ModeTypes>(mode: GameMode<T>, round: Round<T>, ctx: TickCtx<T>): void {
  const interval = Math.max(1, mode.botInterval(round));
  round.seats.forEach((seat, node) => {
    // Staggered so that a thousand bots don't all think in the same tick.
    if (!seat.bot || !isUp(round.net, node) || (node + round.tick) % interval !== 0) return;
    const view = mode.botView(round, node);
    const action = view && mode.bot(view, seat.bot, round.rng);
    if (action && !mode.validate(round, node, action)) mode.apply(round, node, action, ctx);
  });
}

function malformed(issues: readonly v.BaseIssue<unknown>[]): Rejection {
  return { rule: "P6", code: "input.malformed", params: { issue: describeIssue(issues[0]!) } };
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = v.getDotPath(issue);
  return path ? `${path}: ${issue.message}` : issue.message;
}
