import {
  type AnyMode,
  closeLiveTick,
  finishRecording,
  type LiveTick,
  type NodeId,
  openLiveTick,
  type Recording,
  type Rejection,
  type ReplayLog,
  type RoundEvent,
  recordInput,
  type Seat,
  seedRng,
  shuffle,
  startRecording,
} from "@quorum/shared";
import type { RoundPlayer } from "../store/types.ts";

/** The round the teacher configured (P5), ready to start. */
export interface RoundPlan {
  mode: AnyMode;
  /** Validated by the mode's schema, defaults filled in. */
  config: unknown;
  nodes: number;
}

/** Who holds a node: a student (by player id) or nobody; `bot` is set while a bot plays it. */
export interface NodeSeat {
  player: string | null;
  name: string;
  bot: string | null;
}

export interface TickResult {
  /** Everything that happened in the tick, from its first input to its end. */
  events: RoundEvent[];
  /** Seat changes the engine refused (a bug in the room, not anyone's doing). */
  refusedSeats: Rejection[];
}

/** The tick being played: open from its first input until the beat closes it. */
interface OpenTick {
  live: LiveTick;
  events: RoundEvent[];
  refusedSeats: Rejection[];
}

/**
 * One round as the server plays it: the recording (engine + log), the tick being played, and who
 * sits where. It stamps every input `{t, seq, actor, action}` (D2) and applies it at once in the
 * open tick, so its sender hears the verdict without waiting for the beat; it turns seat changes
 * into host inputs (D5), so the log replays them. No clocks, no sockets.
 */
export class RoundRunner {
  readonly recording: Recording;
  /** Seats as the queued inputs will leave them: the room's truth about who plays what. */
  readonly seats: NodeSeat[];
  readonly #bot: string;
  #open: OpenTick | undefined;
  #seq = 0;
  #finished = false;

  /**
   * Seats `players` (in the order they joined) on random nodes drawn from `seed`; the other
   * nodes are the mode's reference bot. A round has at least one node per player.
   */
  constructor(plan: RoundPlan, players: readonly { id: string; nickname: string }[], seed: number) {
    this.#bot = plan.mode.baselineBot ?? "bot";
    const nodes = Math.max(plan.nodes, players.length);
    const order = shuffle(
      seedRng(seed),
      Array.from({ length: nodes }, (_, node) => node),
    );
    this.seats = Array.from({ length: nodes }, () => this.#botSeat());
    players.forEach((player, index) => {
      this.seats[order[index]!] = { player: player.id, name: player.nickname, bot: null };
    });
    const roster: Seat[] = this.seats.map(({ name, bot }) => ({ name, bot }));
    this.recording = startRecording(plan.mode, plan.config, roster, seed);
  }

  get round() {
    return this.recording.round;
  }

  get mode(): AnyMode {
    return this.recording.mode;
  }

  nodeOf(playerId: string): NodeId | undefined {
    const node = this.seats.findIndex((seat) => seat.player === playerId);
    return node < 0 ? undefined : node;
  }

  /** The students on their nodes, with each node's score when `scores` (by node) is given. */
  students(scores?: readonly number[]): RoundPlayer[] {
    return this.seats.flatMap((seat, node) =>
      seat.player === null
        ? []
        : [{ playerId: seat.player, nickname: seat.name, node, score: scores?.[node] ?? null }],
    );
  }

  /** D5: a student arriving mid-round takes over a bot's node; undefined when none is free. */
  claim(playerId: string, nickname: string): NodeId | undefined {
    const node = this.seats.findIndex((seat) => seat.player === null);
    if (node < 0) return undefined;
    this.#seat(node, { player: playerId, name: nickname, bot: null });
    return node;
  }

  /** D5: a bot plays the student's node while it is away (keeping its name), or gives it back. */
  drive(node: NodeId, byStudent: boolean): void {
    const seat = this.seats[node]!;
    this.#seat(node, { ...seat, bot: byStudent ? null : this.#bot });
  }

  /** The student is gone for good (removed): the node becomes a bot's, free for a newcomer. */
  release(node: NodeId): void {
    this.#seat(node, this.#botSeat());
  }

  rename(node: NodeId, nickname: string): void {
    this.#seat(node, { ...this.seats[node]!, name: nickname });
  }

  /** The tick an action arriving now is stamped with (D2). */
  get playing(): number {
    return this.#open?.live.t ?? this.round.tick + 1;
  }

  /** A student's action, shape-checked by the caller, applied now: null, or why it was refused. */
  act(node: NodeId, action: unknown): Rejection | null {
    return this.#play(node, action);
  }

  /** A teacher's fault or mode action, applied now: null, or why it was refused. */
  host(action: unknown): Rejection | null {
    return this.#play("host", action);
  }

  /** Ends the tick (bots, network, the mode's tick) with everything played since the last one. */
  step(): TickResult {
    const open = this.#opened();
    this.#open = undefined;
    closeLiveTick(this.recording, open.live);
    return { events: open.events, refusedSeats: open.refusedSeats };
  }

  /**
   * Closes the log with the final checkpoint and the summary (R9: class and baseline). Inputs
   * already applied are in the state, so a tick they opened is played to its end first.
   */
  finish(): ReplayLog {
    if (this.#open !== undefined) this.step();
    this.#finished = true;
    return finishRecording(this.recording);
  }

  #botSeat(): NodeSeat {
    return { player: null, name: "", bot: this.#bot };
  }

  #seat(node: NodeId, seat: NodeSeat): void {
    const before = this.seats[node]!;
    this.seats[node] = seat;
    // After the end the log is closed: seats still change for the room, not for the round.
    if (this.#finished || (before.name === seat.name && before.bot === seat.bot)) return;
    const refused = this.#play("host", { type: "seat", node, name: seat.name, bot: seat.bot });
    if (refused) this.#opened().refusedSeats.push(refused);
  }

  #play(actor: NodeId | "host", action: unknown): Rejection | null {
    const { live } = this.#opened();
    return recordInput(this.recording, live, { t: live.t, seq: this.#seq++, actor, action });
  }

  #opened(): OpenTick {
    if (this.#open === undefined) {
      const events: RoundEvent[] = [];
      const live = openLiveTick(this.recording, (event) => events.push(event));
      this.#open = { live, events, refusedSeats: [] };
    }
    return this.#open;
  }
}
