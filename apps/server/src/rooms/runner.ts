import {
  type AnyMode,
  finishRecording,
  type Input,
  type NodeId,
  type Recording,
  type Rejection,
  type ReplayLog,
  type RoundEvent,
  recordTick,
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

interface Pending<Origin> {
  seq: number;
  actor: NodeId | "host";
  action: unknown;
  origin: Origin | undefined;
}

export interface TickResult<Origin> {
  events: RoundEvent[];
  /** D3: refused inputs with whoever sent them; seat changes the room made have no origin. */
  rejections: { origin: Origin | undefined; rejection: Rejection }[];
}

/**
 * One round as the server plays it: the recording (engine + log), the inputs waiting for the
 * next tick, and who sits where. It stamps every input `{t, seq, actor, action}` (D2) and turns
 * seat changes into host inputs (D5), so the log replays them. No clocks, no sockets.
 */
export class RoundRunner<Origin> {
  readonly recording: Recording;
  /** Seats as the queued inputs will leave them: the room's truth about who plays what. */
  readonly seats: NodeSeat[];
  readonly #bot: string;
  #pending: Pending<Origin>[] = [];
  #seq = 0;

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

  /** A student's action, shape-checked by the caller, for the next tick. */
  act(node: NodeId, action: unknown, origin: Origin): void {
    this.#queue(node, action, origin);
  }

  /** A teacher's fault or mode action for the next tick. */
  host(action: unknown, origin: Origin): void {
    this.#queue("host", action, origin);
  }

  /** Plays one tick with everything queued since the last one. */
  step(): TickResult<Origin> {
    const pending = this.#pending;
    this.#pending = [];
    const t = this.round.tick + 1;
    const inputs: Input[] = pending.map(({ seq, actor, action }) => ({ t, seq, actor, action }));
    const origins = new Map(pending.map((input) => [input.seq, input.origin]));
    const events: RoundEvent[] = [];
    const refused = recordTick(this.recording, inputs, (event) => events.push(event));
    return {
      events,
      rejections: refused.map(({ seq, rejection }) => ({ origin: origins.get(seq), rejection })),
    };
  }

  /** Closes the log with the final checkpoint and the summary (R9: class and baseline). */
  finish(): ReplayLog {
    this.#pending = [];
    return finishRecording(this.recording);
  }

  #botSeat(): NodeSeat {
    return { player: null, name: "", bot: this.#bot };
  }

  #seat(node: NodeId, seat: NodeSeat): void {
    const before = this.seats[node]!;
    this.seats[node] = seat;
    if (before.name === seat.name && before.bot === seat.bot) return;
    this.#queue("host", { type: "seat", node, name: seat.name, bot: seat.bot }, undefined);
  }

  #queue(actor: NodeId | "host", action: unknown, origin: Origin | undefined): void {
    this.#pending.push({ seq: this.#seq++, actor, action, origin });
  }
}
