import {
  chance,
  nextIntBetween,
  type ProtocolError,
  pick,
  type Rejection,
  type RngState,
  type RoutingAction,
} from "@quorum/shared";
import { vi } from "vitest";
import { connectRoom, type RoomConnection } from "../../apps/client/src/room/connection.ts";
import { actSender } from "../../apps/client/src/room/messages.ts";
import type { Wifi } from "./chaosCuts.ts";
import type { JoinedPlayer } from "./harness.ts";

/**
 * The little of a browser that the phone's connection code reads: events it listens to (never
 * fired here: the phone's network fails without the OS saying so), a page that stays visible,
 * and a device that believes it is online. Undone by `vi.unstubAllGlobals()`.
 */
export function pretendBrowser(): void {
  const ignore = () => {};
  vi.stubGlobal("addEventListener", ignore);
  vi.stubGlobal("removeEventListener", ignore);
  vi.stubGlobal("document", {
    visibilityState: "visible",
    addEventListener: ignore,
    removeEventListener: ignore,
  });
  vi.stubGlobal("navigator", { onLine: true });
}

/** The parts of a routing node's own view that a student reads to act. */
interface NodeJson {
  node: number;
  inbox: { entry: number; from: number }[];
  neighbours: { node: number; up: boolean }[];
}

interface StateJson {
  routing?: { nodes?: Record<string, NodeJson> };
}

/** An action the phone handed to its connection (sent, or queued while it reconnects). */
export interface SentAct {
  seq: number;
  action: Extract<RoutingAction, { packet: number }>;
  /** The node its own view was for when it acted. */
  node: number;
  /** Tapped while the connection was down: queued until the seat is back (a fresh join drops it). */
  queued: boolean;
}

/**
 * A student's phone: the client's own connection code (apps/client/src/room/connection.ts: SDK
 * reconnection, then a fresh join with the same token) over the student's Wi-Fi, and a student
 * who taps about once a second on a packet its screen shows. Like the phone's screen
 * (usePlayerRoom.ts), a tapped packet stays hidden until it leaves the inbox or is refused, or
 * until the connection comes back with the tap unanswered: then it may be tapped again.
 */
export class Phone {
  readonly student: JoinedPlayer;
  readonly wifi: Wifi;
  readonly connection: RoomConnection<StateJson>;
  readonly sent: SentAct[] = [];
  /** D3: the engine's answers to refused actions, by the phone's own `seq`. */
  readonly rejected: { seq: number; rejection: Rejection }[] = [];
  readonly errors: ProtocolError[] = [];
  /** Times the connection stopped being `connected` (a drop the phone noticed). */
  drops = 0;
  readonly #send: (action: RoutingAction) => number | null;
  readonly #rng: RngState;
  /** Tapped entries the screen hides. */
  readonly #hidden = new Set<number>();
  /** Taps not answered yet (played, refused): their entries, by `seq`. */
  readonly #unanswered = new Map<number, number>();
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(student: JoinedPlayer, wifi: Wifi, rng: RngState) {
    this.student = student;
    this.wifi = wifi;
    this.#rng = rng;
    this.connection = connectRoom<StateJson>({
      roomId: student.roomId,
      token: student.token,
      endpoint: wifi.url,
    });
    this.#send = actSender<RoutingAction>(this.connection);
    let status = this.connection.status.get();
    this.connection.status.subscribe((next) => {
      if (status === "connected") this.drops++;
      else if (next === "connected") this.#showUnanswered();
      status = next;
    });
    this.connection.on("rejected", (payload) => {
      const refusal = payload as Phone["rejected"][number];
      this.rejected.push(refusal);
      this.#answered(refusal.seq, true);
    });
    this.connection.on("error", (payload) => {
      const error = payload as ProtocolError;
      this.errors.push(error);
      if (error.seq !== undefined) this.#answered(error.seq, true);
    });
    this.connection.on("acted", (payload) => {
      this.#answered((payload as { seq: number }).seq, false);
    });
  }

  /** The one node view the phone receives (D4), if any. */
  view(): NodeJson | undefined {
    return Object.values(this.connection.state.get()?.routing?.nodes ?? {})[0];
  }

  /** How many node views the phone receives (D4: exactly its own). */
  views(): number {
    return Object.keys(this.connection.state.get()?.routing?.nodes ?? {}).length;
  }

  /** Starts tapping, every 0.7–1.3 s, whatever the connection's status says. */
  play(): void {
    this.#timer = setTimeout(
      () => {
        this.#tap();
        this.play();
      },
      nextIntBetween(this.#rng, 700, 1300),
    );
  }

  stop(): void {
    clearTimeout(this.#timer);
  }

  async close(): Promise<void> {
    this.stop();
    await this.connection.close();
  }

  /** A packet of its own inbox, forwarded to a neighbour (not back where it came from) or dropped. */
  #tap(): void {
    const view = this.view();
    const shown = view?.inbox.filter((packet) => !this.#hidden.has(packet.entry)) ?? [];
    if (view === undefined || shown.length === 0) return;
    const packet = pick(this.#rng, shown);
    const up = view.neighbours.filter((neighbour) => neighbour.up);
    const onward = up.filter((neighbour) => neighbour.node !== packet.from);
    const action: SentAct["action"] =
      up.length === 0 || chance(this.#rng, 0.1)
        ? { type: "drop", packet: packet.entry }
        : {
            type: "forward",
            packet: packet.entry,
            to: pick(this.#rng, onward.length > 0 ? onward : up).node,
          };
    const queued = this.connection.status.get() !== "connected";
    const seq = this.#send(action);
    // Not sent (no seat between two joins): the phone says so, and the packet can be tapped again.
    if (seq === null) return;
    this.#hidden.add(packet.entry);
    this.#unanswered.set(seq, packet.entry);
    this.sent.push({ seq, action, node: view.node, queued });
  }

  #answered(seq: number, refused: boolean): void {
    const entry = this.#unanswered.get(seq);
    this.#unanswered.delete(seq);
    if (refused && entry !== undefined) this.#hidden.delete(entry);
  }

  /** Back after a drop: a tap still unanswered may never have arrived. */
  #showUnanswered(): void {
    for (const entry of this.#unanswered.values()) this.#hidden.delete(entry);
    this.#unanswered.clear();
  }
}
