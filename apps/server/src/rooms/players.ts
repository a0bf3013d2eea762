import { CloseCode } from "@colyseus/core";
import { type NodeId, SERVER_MESSAGE } from "@quorum/shared";
import type { ClassroomClient, RoomContext, Timer } from "./context.ts";
import { PlayerEntry } from "./state.ts";
import { refsFor, showOnly } from "./views.ts";

/** A reconnection the room is holding for a dropped client (Colyseus's allowReconnection). */
export interface HeldSeat {
  reject(reason?: unknown): void;
}

interface PlayerLink {
  id: string;
  entry: PlayerEntry;
  /** The connection playing now; undefined while the student is away. */
  client: ClassroomClient | undefined;
  /** D5: running while the student is away and its node is still waiting for it. */
  grace: Timer | undefined;
  /** The dropped connection Colyseus holds a seat for, until it reconnects or gives up. */
  held: { client: ClassroomClient; seat: HeldSeat } | undefined;
}

/**
 * The class list (P3) and each student's connection: who is here, which node they play, and what
 * their StateView shows (D4). One connection per student: a newer one replaces an older one.
 */
export class Roster {
  readonly #links = new Map<string, PlayerLink>();
  readonly #ctx: RoomContext;

  constructor(ctx: RoomContext) {
    this.#ctx = ctx;
  }

  /** A student's connection arrived: a first join, a rejoin with its token, or a reconnection. */
  arrive(client: ClassroomClient, playerId: string, nickname: string): void {
    let link = this.#links.get(playerId);
    if (link === undefined) {
      const entry = new PlayerEntry({ id: playerId, nickname, node: -1, connected: true });
      this.#ctx.state.players.set(playerId, entry);
      link = { id: playerId, entry, client: undefined, grace: undefined, held: undefined };
      this.#links.set(playerId, link);
    }
    const older = link.client;
    link.client = client;
    if (older !== undefined && older !== client) older.leave(CloseCode.CONSENTED, "replaced");
    if (link.held !== undefined && link.held.client !== client) {
      link.held.seat.reject(new Error("replaced by a newer connection"));
    }
    link.held = undefined;
    link.grace?.clear();
    link.grace = undefined;
    // A reconnection carries the identity of its first join: the roster's name (renames) wins.
    link.entry.connected = true;
    this.#seat(link);
  }

  /** A student's connection dropped (`held`: Colyseus keeps its seat) or left. */
  depart(client: ClassroomClient, held?: HeldSeat): void {
    const link = this.#linkOf(client);
    if (link === undefined || link.client !== client) return;
    link.client = undefined;
    link.held = held && { client, seat: held };
    link.entry.connected = false;
    this.#startGrace(link);
  }

  /** The connection is gone for good (Colyseus gave up holding its seat, or it left). */
  gone(client: ClassroomClient): void {
    const link = this.#linkOf(client);
    if (link?.held?.client === client) link.held = undefined;
  }

  /** Students here now, in the order they first joined. */
  present(): { id: string; nickname: string }[] {
    return [...this.#links.values()]
      .filter((link) => link.client !== undefined)
      .map((link) => ({ id: link.id, nickname: link.entry.nickname }));
  }

  /** Nodes a connected student plays: the ones whose views and events must be kept fresh. */
  watched(): Map<NodeId, ClassroomClient> {
    const round = this.#ctx.round();
    const watched = new Map<NodeId, ClassroomClient>();
    if (round === undefined) return watched;
    for (const link of this.#links.values()) {
      const node = round.runner.nodeOf(link.id);
      if (link.client !== undefined && node !== undefined) watched.set(node, link.client);
    }
    return watched;
  }

  nodeOf(playerId: string): NodeId | undefined {
    return this.#ctx.round()?.runner.nodeOf(playerId);
  }

  /** A round started or ended: every student's node and every view follow. */
  reseat(): void {
    for (const link of this.#links.values()) this.#seat(link);
    for (const client of this.#ctx.clients()) {
      if (client.auth?.role !== "player")
        showOnly(client, refsFor(client, this.#ctx.round(), undefined));
    }
  }

  has(playerId: string): boolean {
    return this.#links.has(playerId);
  }

  rename(playerId: string, nickname: string): void {
    const link = this.#links.get(playerId);
    if (link === undefined) return;
    link.entry.nickname = nickname;
    const node = this.nodeOf(playerId);
    if (node !== undefined && this.#ctx.state.phase !== "ended") {
      this.#ctx.round()?.runner.rename(node, nickname);
    }
  }

  /** P3: the teacher removed the student: told, disconnected, its node handed to a bot. */
  remove(playerId: string): void {
    const link = this.#links.get(playerId);
    this.#links.delete(playerId);
    this.#ctx.state.players.delete(playerId);
    if (link === undefined) return;
    link.grace?.clear();
    link.held?.seat.reject(new Error("removed"));
    const node = this.nodeOf(playerId);
    if (node !== undefined && this.#ctx.state.phase !== "ended") {
      this.#ctx.round()?.runner.release(node);
    }
    if (link.client !== undefined) {
      link.client.send(SERVER_MESSAGE.removed, {});
      link.client.leave(CloseCode.CONSENTED, "removed");
    }
  }

  /** Stops the grace timers (the room is going away). */
  dispose(): void {
    for (const link of this.#links.values()) link.grace?.clear();
  }

  #linkOf(client: ClassroomClient): PlayerLink | undefined {
    const identity = client.auth;
    return identity?.role === "player" ? this.#links.get(identity.playerId) : undefined;
  }

  /** Puts the student on its node (taking over a bot's if it has none yet) and its view on it. */
  #seat(link: PlayerLink): void {
    const round = this.#ctx.round();
    const live = round !== undefined && this.#ctx.state.phase !== "ended";
    let node = round?.runner.nodeOf(link.id);
    if (live && link.client !== undefined) {
      node ??= round.runner.claim(link.id, link.entry.nickname);
      if (node !== undefined && round.runner.seats[node]!.bot !== null)
        round.runner.drive(node, true);
    }
    link.entry.node = node ?? -1;
    if (link.client !== undefined) showOnly(link.client, refsFor(link.client, round, node));
  }

  /** D5: after the grace period a bot plays the away student's node; its state stays as it was. */
  #startGrace(link: PlayerLink): void {
    if (link.grace !== undefined) return;
    const handOver = () => {
      link.grace = undefined;
      const round = this.#ctx.round();
      const node = round?.runner.nodeOf(link.id);
      if (link.client !== undefined || node === undefined || this.#ctx.state.phase === "ended") {
        return;
      }
      round?.runner.drive(node, false);
    };
    const seconds = this.#ctx.state.grace;
    if (seconds === 0) handOver();
    else link.grace = this.#ctx.clock.setTimeout(handOver, seconds * 1000);
  }
}
