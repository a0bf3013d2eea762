import { connect, createServer, type Server, type Socket } from "node:net";
import { nextIntBetween, type RngState, shuffle } from "@quorum/shared";

/**
 * How a student's network fails:
 * - `reset`: the phone goes into a lift. Open connections die at once at both ends, with no
 *   WebSocket close frame (TCP resets), and new ones are refused until it heals.
 * - `stall`: the phone walks out of Wi-Fi range. Open connections stay open but carry nothing, so
 *   each end finds out from its own pings; new connections hang, and get through when it heals.
 * - `switch`: the phone moves from Wi-Fi to mobile data. Its OS closes the connections of the old
 *   network at once, but nothing tells the server, whose ends stay open until its pings fail; new
 *   connections go through at once, so the phone asks for its seat back while the server still
 *   holds the old socket.
 * Connections that went dead in a cut die at both ends when it heals (their NAT entry is gone).
 */
export type CutKind = "reset" | "stall" | "switch";

interface Pair {
  near: Socket;
  far: Socket;
  /** Cut: bytes vanish and a close at one end does not reach the other. */
  dead: boolean;
}

/**
 * One student's path to the server, its Wi-Fi: a loopback TCP proxy that can be cut and healed.
 * HTTP (matchmaking) and WebSocket traffic both go through it, as they do on a phone.
 */
export class Wifi {
  readonly #server: Server;
  readonly #target: { host: string; port: number };
  readonly #pairs = new Set<Pair>();
  /** Connections opened during a stall, waiting for the network to come back. */
  #waiting: Socket[] = [];
  #cut: CutKind | undefined;

  private constructor(server: Server, target: { host: string; port: number }) {
    this.#server = server;
    this.#target = target;
    server.on("connection", (near) => this.#accept(near));
  }

  /** A Wi-Fi to the server at `base` (http://host:port). */
  static async open(base: string): Promise<Wifi> {
    const { hostname, port } = new URL(base);
    const wifi = new Wifi(createServer(), { host: hostname, port: Number(port) });
    await new Promise<void>((resolve) => wifi.#server.listen(0, "127.0.0.1", resolve));
    return wifi;
  }

  /** What the phone uses as the server's address. */
  get url(): string {
    const address = this.#server.address();
    if (address === null || typeof address === "string") throw new Error("the Wi-Fi is closed");
    return `http://127.0.0.1:${address.port}`;
  }

  cut(kind: CutKind): void {
    this.#cut = kind;
    for (const pair of this.#pairs) {
      pair.dead = true;
      if (kind === "reset") this.#kill(pair);
      else if (kind === "switch") reset(pair.near);
    }
  }

  /** The network is back: connections that died in the cut are gone, waiting ones go through. */
  heal(): void {
    this.#cut = undefined;
    for (const pair of this.#pairs) if (pair.dead) this.#kill(pair);
    const waiting = this.#waiting;
    this.#waiting = [];
    for (const near of waiting) if (!near.destroyed) this.#link(near);
  }

  async close(): Promise<void> {
    for (const pair of this.#pairs) this.#kill(pair);
    for (const near of this.#waiting) near.destroy();
    await new Promise((resolve) => this.#server.close(resolve));
  }

  #accept(near: Socket): void {
    near.on("error", () => {});
    if (this.#cut === "reset") near.resetAndDestroy();
    // Not read until the heal: the bytes wait in the kernel, as a SYN would be retried.
    else if (this.#cut === "stall") this.#waiting.push(near);
    else this.#link(near);
  }

  #link(near: Socket): void {
    const far = connect(this.#target.port, this.#target.host);
    far.on("error", () => {});
    const pair: Pair = { near, far, dead: false };
    this.#pairs.add(pair);
    const forward = (from: Socket, to: Socket) => {
      from.on("data", (chunk) => {
        if (!pair.dead) to.write(chunk);
      });
      from.on("end", () => {
        if (!pair.dead) to.end();
      });
      // A dead pair stays listed: when the network comes back, the other end learns it too.
      from.on("close", () => {
        if (pair.dead) return;
        this.#pairs.delete(pair);
        to.destroySoon();
      });
    };
    forward(near, far);
    forward(far, near);
  }

  /** A reset at both ends: no close frame, no goodbye. */
  #kill(pair: Pair): void {
    pair.dead = true;
    this.#pairs.delete(pair);
    reset(pair.near);
    reset(pair.far);
  }
}

function reset(socket: Socket): void {
  if (socket.destroyed) return;
  if (socket.readyState === "open") socket.resetAndDestroy();
  else socket.destroy();
}

/** What a cut is meant to exercise. */
export type CutPath =
  /** A reset healed before the SDK's last reconnection attempt (~6.2 s after the drop). */
  | "sdk-retry"
  /**
   * A stall: taps go into a socket that looks open; the SDK's reconnection hangs until the heal,
   * then gets through. Short ones end before a bot takes the node, long ones after.
   */
  | "stalled"
  /** A switch: the SDK reconnects at once, while the server still holds the old socket open. */
  | "switched"
  /** A reset the SDK gives up on: the phone joins again with its token (P3). */
  | "fresh-join";

/** One planned cut of one student's Wi-Fi. */
export interface Cut {
  /** Index of the student in the class list. */
  student: number;
  kind: CutKind;
  path: CutPath;
  /** Ms after the chaos starts. */
  startMs: number;
  durationMs: number;
}

const PROFILES: { path: CutPath; kind: CutKind; ms: [number, number] }[] = [
  { path: "sdk-retry", kind: "reset", ms: [5_000, 5_800] },
  { path: "stalled", kind: "stall", ms: [8_000, 14_000] },
  { path: "fresh-join", kind: "reset", ms: [20_000, 40_000] },
  { path: "switched", kind: "switch", ms: [5_000, 60_000] },
  { path: "stalled", kind: "stall", ms: [25_000, 60_000] },
  { path: "fresh-join", kind: "reset", ms: [40_000, 60_000] },
];

/**
 * Cuts `share` of `students`, staggered over the first `staggerMs`, each for 5–60 s, drawn from
 * `rng`; the cuts go round PROFILES, so that six cover every path, one of them nearly as long as
 * the 60 s a dropped seat is held.
 */
export function planCuts(rng: RngState, students: number, share: number, staggerMs: number): Cut[] {
  const chosen = shuffle(
    rng,
    Array.from({ length: students }, (_, index) => index),
  ).slice(0, Math.round(students * share));
  return chosen.map((student, index) => {
    const { path, kind, ms } = PROFILES[index % PROFILES.length]!;
    return {
      student,
      kind,
      path,
      startMs: nextIntBetween(rng, 0, staggerMs),
      durationMs: nextIntBetween(rng, ms[0], ms[1]),
    };
  });
}
