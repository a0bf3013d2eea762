// One process of bot students for `pnpm bench:load`. The orchestrator (main.ts) forks a few of
// these and talks to them over IPC: join, measure, report, leave. Each bot is a real client on
// loopback: the Colyseus SDK for Quorum and the bare Colyseus echo room, the `ws` package for the
// raw WebSocket echo. Every bot acts once a second, at its own phase within the second.
import { Client, type Room } from "@colyseus/sdk";
import WebSocket from "ws";
import { type BotStats, emptyStats } from "./stats.ts";

export type Seats =
  | { kind: "quorum"; base: string; seats: { roomId: string; token: string }[] }
  | { kind: "colyseus-echo"; base: string; roomId: string; count: number }
  | { kind: "ws-echo"; url: string; count: number };

export type ToBots = { type: "join"; seats: Seats } | { type: "measure" } | { type: "report" };
export type FromBots =
  | { type: "joined"; bots: number; failed: number; firstError?: string }
  | { type: "stats"; stats: BotStats };

/** How many bots of one process join at the same time: a class arrives over seconds, not at once. */
const JOINING_AT_ONCE = 10;
/** An echo's payload: about the size of a forward action on the wire. */
const ECHO_PADDING = "f".repeat(24);

interface Bot {
  /** Acts once: sends one action, or counts an idle second. */
  act(): void;
  leave(): void;
}

let stats = emptyStats(0);
let measuring = false;
let leaving = false;
const bots: Bot[] = [];

function count(key: "bytesDown" | "bytesUp", bytes: number): void {
  if (!measuring) return;
  stats[key] += bytes;
  if (key === "bytesDown") stats.framesDown++;
}

function failed(code: string): void {
  if (!measuring) return;
  stats.errors++;
  stats.errorCodes[code] = (stats.errorCodes[code] ?? 0) + 1;
}

function dropped(): void {
  if (!leaving) stats.disconnects++;
}

/** Counts every frame the SDK receives and sends on `room`. */
function meter(room: Room): void {
  const connection = room.connection;
  const events = connection.events;
  const onmessage = events.onmessage;
  events.onmessage = (event: MessageEvent<ArrayBuffer>) => {
    count("bytesDown", event.data.byteLength);
    onmessage?.(event);
  };
  const send = connection.send.bind(connection);
  connection.send = (data) => {
    count("bytesUp", data.byteLength);
    send(data);
  };
  room.onLeave(() => dropped());
  room.onDrop(() => dropped());
  room.onError((code) => failed(`sdk-${code}`));
}

/** A student's router: forwards its oldest packet towards the destination (R8 hints). */
async function quorumBot(base: string, roomId: string, token: string): Promise<Bot> {
  const room: Room = await new Client(base).joinById(roomId, { token });
  // A bot that loses its socket counts a disconnect; it does not come back (that is chaos.test).
  room.reconnection.enabled = false;
  meter(room);
  const pending = new Map<number, { entry: number; at: number }>();
  const answered = new Set<number>();
  let seq = 0;
  const ownNode = () => {
    const nodes = room.state?.routing?.nodes;
    return nodes === undefined ? undefined : nodes.values().next().value;
  };
  room.onMessage("acted", ({ seq: acted }: { seq: number }) => {
    const sent = pending.get(acted);
    if (sent === undefined || answered.has(acted)) return;
    answered.add(acted);
    if (measuring) stats.answered.push(performance.now() - sent.at);
  });
  room.onMessage("rejected", ({ seq: refused }: { seq: number }) => {
    if (pending.delete(refused) && measuring) stats.rejected++;
  });
  room.onMessage("error", ({ code }: { code: string }) => failed(code));
  room.onMessage("*", () => {});
  room.onStateChange(() => {
    if (pending.size === 0) return;
    const inbox = new Set<number>();
    for (const packet of ownNode()?.inbox ?? []) inbox.add(packet.entry);
    for (const [number, sent] of pending) {
      if (inbox.has(sent.entry)) continue;
      pending.delete(number);
      answered.delete(number);
      if (measuring) stats.shown.push(performance.now() - sent.at);
    }
  });
  return {
    act() {
      const node = ownNode();
      const busy = new Set([...pending.values()].map((sent) => sent.entry));
      const packet = [...(node?.inbox ?? [])].find((held) => !busy.has(held.entry));
      const to = packet && towards(node, packet.hints);
      if (to === undefined) {
        if (measuring) stats.idle++;
        return;
      }
      pending.set(seq, { entry: packet.entry, at: performance.now() });
      room.send("act", { seq, action: { type: "forward", packet: packet.entry, to } });
      seq++;
      if (measuring) stats.sent++;
    },
    leave: () => void room.leave(true).catch(() => {}),
  };
}

/** The neighbour with the fewest hops to go (R8), or the first one up when hints are off. */
// biome-ignore lint/suspicious/noExplicitAny: the decoded schema node (apps/server routing/schema.ts).
function towards(node: any, hints: string): number | undefined {
  const neighbours: { node: number; up: boolean }[] = [...node.neighbours];
  const hops = hints === "" ? [] : hints.split(",").map(Number);
  let best: number | undefined;
  let bestHops = Number.POSITIVE_INFINITY;
  neighbours.forEach((neighbour, index) => {
    const distance = hops[index] ?? 0;
    if (!neighbour.up || distance < 0 || distance >= bestHops) return;
    best = neighbour.node;
    bestHops = distance;
  });
  return best;
}

/** An echo client: the round trip of a message of an action's size. */
function echoing(send: (payload: string) => void): {
  act(): void;
  answer(payload: string): void;
} {
  const sentAt = new Map<number, number>();
  let seq = 0;
  return {
    act() {
      sentAt.set(seq, performance.now());
      send(JSON.stringify({ seq, padding: ECHO_PADDING }));
      seq++;
      if (measuring) stats.sent++;
    },
    answer(payload) {
      const { seq: echoed } = JSON.parse(payload) as { seq: number };
      const at = sentAt.get(echoed);
      sentAt.delete(echoed);
      if (at !== undefined && measuring) stats.answered.push(performance.now() - at);
    },
  };
}

async function colyseusEchoBot(base: string, roomId: string): Promise<Bot> {
  const room: Room = await new Client(base).joinById(roomId);
  room.reconnection.enabled = false;
  meter(room);
  const echo = echoing((payload) => room.send("echo", payload));
  room.onMessage("echo", (payload: string) => echo.answer(payload));
  return { act: echo.act, leave: () => void room.leave(true).catch(() => {}) };
}

async function wsEchoBot(url: string): Promise<Bot> {
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.once("open", resolve);
    socket.once("error", reject);
  });
  const echo = echoing((payload) => {
    count("bytesUp", Buffer.byteLength(payload));
    socket.send(payload);
  });
  socket.on("message", (data: Buffer) => {
    count("bytesDown", data.byteLength);
    echo.answer(data.toString());
  });
  socket.on("close", () => dropped());
  socket.on("error", () => failed("ws-error"));
  return { act: echo.act, leave: () => socket.close() };
}

function joiners(seats: Seats): (() => Promise<Bot>)[] {
  switch (seats.kind) {
    case "quorum":
      return seats.seats.map(
        ({ roomId, token }) =>
          () =>
            quorumBot(seats.base, roomId, token),
      );
    case "colyseus-echo":
      return Array.from(
        { length: seats.count },
        () => () => colyseusEchoBot(seats.base, seats.roomId),
      );
    case "ws-echo":
      return Array.from({ length: seats.count }, () => () => wsEchoBot(seats.url));
  }
}

async function join(seats: Seats): Promise<void> {
  const waiting = joiners(seats);
  let failures = 0;
  let firstError: string | undefined;
  const next = async (): Promise<void> => {
    for (let joiner = waiting.shift(); joiner; joiner = waiting.shift()) {
      try {
        bots.push(await joiner());
      } catch (error) {
        failures++;
        firstError ??= String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: JOINING_AT_ONCE }, next));
  stats = emptyStats(bots.length);
  // Each bot at its own phase within the second, as students tap at their own moments.
  for (const bot of bots) {
    setTimeout(() => setInterval(() => bot.act(), 1000), Math.random() * 1000);
  }
  tell({ type: "joined", bots: bots.length, failed: failures, firstError });
}

function tell(message: FromBots): void {
  process.send?.(message);
}

process.on("message", (message: ToBots) => {
  switch (message.type) {
    case "join":
      void join(message.seats);
      return;
    case "measure":
      stats = emptyStats(bots.length);
      measuring = true;
      return;
    case "report":
      measuring = false;
      tell({ type: "stats", stats });
      return;
  }
});

// The orchestrator closes the channel when the phase is over: leave politely, then go.
process.on("disconnect", () => {
  leaving = true;
  for (const bot of bots) bot.leave();
  setTimeout(() => process.exit(0), 500).unref();
});
