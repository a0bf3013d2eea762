import { randomInt } from "node:crypto";
import { type NodeId, type Phase, type ReplayLog, SERVER_MESSAGE } from "@quorum/shared";
import {
  type ActiveRound,
  type ClassroomClient,
  isWatcher,
  type Origin,
  type RoomContext,
  type Timer,
} from "./context.ts";
import type { Roster } from "./players.ts";
import { projectionFor } from "./projection.ts";
import { FLUSH_EVERY_MS, type RoundRecorder } from "./recorder.ts";
import { type RoundPlan, RoundRunner } from "./runner.ts";

/** A tick's events go out right after the patch that shows the tick's state. */
const AFTER_PATCH = { afterNextPatch: true } as const;

/** SERVER_MESSAGE.debrief: the round's summary (R9), and for a student its own node's score. */
export interface DebriefMessage {
  mode: string;
  endTick: number;
  summary: ReplayLog["summary"];
  node?: number;
  score?: number;
}

/**
 * P5: lobby → configure → countdown → running (pause, resume, speed) → ended → next. Drives the
 * tick loop on the room clock and sends each tick's events to whoever may see them (D4).
 */
export class RoundControl {
  plan: RoundPlan | undefined;
  active: ActiveRound | undefined;
  #debrief: DebriefMessage | undefined;
  #countdown: Timer | undefined;
  #countdownTicker: Timer | undefined;
  #recorder: RoundRecorder | undefined;
  #flushTimer: Timer | undefined;
  readonly #ctx: RoomContext;
  readonly #roster: Roster;

  constructor(ctx: RoomContext, roster: Roster) {
    this.#ctx = ctx;
    this.#roster = roster;
    this.#armLoop();
  }

  get phase(): Phase {
    return this.#ctx.state.phase as Phase;
  }

  configure(plan: RoundPlan): void {
    this.plan = plan;
    Object.assign(this.#ctx.state, {
      mode: plan.mode.id,
      nodes: plan.nodes,
      config: JSON.stringify(plan.config),
    });
  }

  /** Seats the students present, builds the round (tick 0), starts recording it, counts down. */
  start(plan: RoundPlan): void {
    const { state, services, clock, sessionId } = this.#ctx;
    const runner = new RoundRunner(plan, this.#roster.present(), randomInt(2 ** 32));
    const project = projectionFor(plan.mode.id);
    if (project === undefined) throw new Error(`no projection for mode ${plan.mode.id}`);
    const projection = project(runner.round);
    this.active = { runner, projection };
    // S2: from tick 0, in the store at least every second (a crash loses at most that).
    const recorder = services.recordings.start(
      sessionId,
      runner.recording,
      runner.students(),
      services.now(),
    );
    this.#recorder = recorder;
    this.#flushTimer = clock.setInterval(() => recorder.flush(services.now()), FLUSH_EVERY_MS);
    Reflect.set(state, projection.field, projection.root);
    state.tick = 0;
    this.#roster.reseat();
    const { countdownMs } = services.timing;
    const endsAt = services.now() + countdownMs;
    Object.assign(state, {
      phase: "countdown",
      countdownEndsAt: endsAt,
      countdown: Math.ceil(countdownMs / 1000),
    });
    this.#countdownTicker = clock.setInterval(() => {
      state.countdown = Math.max(0, Math.ceil((endsAt - services.now()) / 1000));
    }, 250);
    this.#countdown = clock.setTimeout(() => this.#run(), countdownMs);
  }

  /**
   * D2, D3: a student's action is played at once in the open tick, and its sender hears the
   * verdict now (`acted` or `rejected`); the phone has hidden the card meanwhile. The state
   * follows with the tick's patch: projecting one node between beats would make every patch
   * interval send a frame to every client (measured with `pnpm bench:load`).
   */
  act(origin: Origin, node: NodeId, action: unknown): void {
    const round = this.active;
    if (round === undefined) return;
    const rejection = this.#play(() => round.runner.act(node, action));
    if (rejection === undefined) return;
    if (rejection !== null) {
      origin.client.send(SERVER_MESSAGE.rejected, { seq: origin.seq, rejection });
      return;
    }
    origin.client.send(SERVER_MESSAGE.acted, { seq: origin.seq, t: round.runner.playing });
  }

  /** A teacher's fault or mode action, played at once; a refusal is answered with seq -1. */
  hostInput(client: ClassroomClient, action: unknown): void {
    const round = this.active;
    if (round === undefined) return;
    const rejection = this.#play(() => round.runner.host(action));
    if (rejection) client.send(SERVER_MESSAGE.rejected, { seq: -1, rejection });
  }

  pause(): void {
    this.#ctx.state.phase = "paused";
  }

  resume(): void {
    this.#ctx.state.phase = "running";
  }

  setSpeed(speed: number): void {
    this.#ctx.state.speed = speed;
    this.#armLoop();
  }

  /**
   * Ends the round: the log is closed, everyone gets the debrief. Resolves once the finished
   * round is in the store.
   */
  end(): Promise<void> {
    this.#stopTimers();
    const round = this.active;
    if (round === undefined) return Promise.resolve();
    const { runner } = round;
    const log = runner.finish();
    const scores = runner.mode.score(runner.round);
    const stored = this.#recorder?.finish(runner.students(scores), this.#ctx.services.now());
    Object.assign(this.#ctx.state, { phase: "ended", countdown: 0, countdownEndsAt: 0 });
    this.#debrief = { mode: log.mode, endTick: log.endTick, summary: log.summary };
    for (const client of this.#ctx.clients()) this.greet(client);
    return stored ?? Promise.resolve();
  }

  /** Back to the lobby with the same students and the same configuration. */
  next(): void {
    const round = this.active;
    this.active = undefined;
    this.#recorder = undefined;
    this.#debrief = undefined;
    // Views let go of the round's refs while they are still attached to the state.
    this.#roster.reseat();
    if (round !== undefined) Reflect.set(this.#ctx.state, round.projection.field, undefined);
    Object.assign(this.#ctx.state, { phase: "lobby", tick: 0 });
  }

  /** A client arrived: after a round it still gets the debrief (a reload on the debrief page). */
  greet(client: ClassroomClient): void {
    const debrief = this.#debrief;
    const round = this.active;
    if (debrief === undefined || round === undefined) return;
    const identity = client.auth;
    const node = identity?.role === "player" ? round.runner.nodeOf(identity.playerId) : undefined;
    const score =
      node === undefined ? undefined : round.runner.mode.score(round.runner.round)[node];
    client.send(SERVER_MESSAGE.debrief, node === undefined ? debrief : { ...debrief, node, score });
  }

  /** S2: the room is going away: a round still in play is stored as interrupted. */
  dispose(): Promise<void> {
    this.#stopTimers();
    if (this.active === undefined || this.phase === "ended") return Promise.resolve();
    return this.#recorder?.interrupt(this.#ctx.services.now()) ?? Promise.resolve();
  }

  #run(): void {
    this.#countdownTicker?.clear();
    this.#countdownTicker = undefined;
    this.#countdown = undefined;
    Object.assign(this.#ctx.state, { phase: "running", countdown: 0, countdownEndsAt: 0 });
  }

  /**
   * D7: the room's game loop beats every tickMs / speed, in every phase (it also drives the room
   * clock's timers: countdown, grace periods); only a running round takes a step on a beat.
   */
  #armLoop(): void {
    const { tickMs } = this.#ctx.services.timing;
    this.#ctx.loop(() => this.#tick(), tickMs / this.#ctx.state.speed);
  }

  #stopTimers(): void {
    for (const timer of [this.#countdown, this.#countdownTicker, this.#flushTimer]) timer?.clear();
    this.#countdown = this.#countdownTicker = this.#flushTimer = undefined;
  }

  #tick(): void {
    const round = this.active;
    if (round === undefined || this.phase !== "running") return;
    const result = this.#play(() => round.runner.step());
    if (result === undefined) return;
    for (const rejection of result.refusedSeats) {
      this.#ctx.services.logger.warn({ rejection }, "the engine refused a seat change");
    }
    const watched = this.#roster.watched();
    const nodes = new Set(watched.keys());
    const tick = round.runner.round.tick;
    round.projection.update(round.runner.round, nodes);
    this.#ctx.state.tick = tick;
    const routed = round.projection.route(result.events, nodes);
    if (routed.host.length > 0) {
      for (const client of this.#ctx.clients()) {
        if (isWatcher(client)) {
          client.send(SERVER_MESSAGE.events, { tick, events: routed.host }, AFTER_PATCH);
        }
      }
    }
    for (const [node, events] of routed.nodes) {
      watched.get(node)?.send(SERVER_MESSAGE.events, { tick, events }, AFTER_PATCH);
    }
    // The tick's state goes out now rather than at the next patch interval (up to 50 ms later),
    // in a task of its own: actions that arrived while the tick was played are answered first.
    setImmediate(() => this.#ctx.patch());
  }

  /**
   * Runs the engine. Undefined when it threw: an engine bug, not a client's doing. The room
   * stays, the round pauses, the logs say why.
   */
  #play<T>(engine: () => T): T | undefined {
    try {
      return engine();
    } catch (error) {
      this.#ctx.services.logger.error(
        { err: error, sessionId: this.#ctx.sessionId },
        "engine failed",
      );
      this.pause();
      return undefined;
    }
  }
}
