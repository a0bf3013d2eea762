// Benchmark a: one tick of a 1,000-router scale-free network, every router a shortest-path bot
// deciding every tick, with about 5,000 packets held by the network.
import { createRound, type Input, messagesHeld, routing, type Seat, step } from "@quorum/shared";
import { type Figure, measure, note, round, threadCpuMs } from "./report.ts";

const ROUTERS = 1000;
const TARGET_HELD = 5000;
/** Ticks per second on one core (the engine is single-threaded; so is this loop). */
const TARGET_TICKS_PER_SECOND = 1000;
const WARMUP_LIMIT = 1000;
/** Measure at least this many ticks and this long, in whole windows. */
const MIN_TICKS = 300;
const MIN_MS = 3000;
/** Ticks per window; the best window shows the speed when no other process took the core. */
const WINDOW = 100;
const NO_INPUTS: readonly Input[] = [];

/**
 * 1,000 packets a second (the config's maximum) on 64-deep inboxes: the hubs saturate and the
 * network settles at about 5,000 held packets — on the wire, in inboxes and in outbound queues.
 */
export const ROUTING_CONFIG = {
  preset: "scale-free",
  trafficRate: 1000,
  inboxLimit: 64,
  botThinkTicks: 1,
} as const;

export function benchRouting(): Figure {
  const seats: Seat[] = Array.from({ length: ROUTERS }, (_, node) => ({
    name: `router ${node}`,
    bot: "shortest-path",
  }));
  const { result: game, ms: setupMs } = measure(() =>
    createRound(routing, ROUTING_CONFIG, seats, 1000),
  );
  note(`routing: ${game.net.links.length} links, setup ${round(setupMs)} ms; warming up`);

  // Warm up until the network holds its working load (and the JIT has seen every path).
  const warmupMs = measure(() => {
    while (messagesHeld(game.net) < TARGET_HELD * 0.98 && game.tick < WARMUP_LIMIT) {
      step(routing, game, NO_INPUTS);
    }
  }).ms;
  note(`routing: warm at tick ${game.tick} (${round(warmupMs)} ms); measuring`);

  const held: number[] = [];
  const onWire: number[] = [];
  const inInboxes: number[] = [];
  let transmitted = 0;
  let arrived = 0;
  const count = (event: { type: string }) => {
    if (event.type === "transmit") transmitted++;
    else if (event.type === "arrive") arrived++;
  };
  const startTick = game.tick;
  const delivered = game.game.stats.delivered;
  const dropped = Object.values(game.net.drops).reduce((sum, n) => sum + n, 0);
  let ticks = 0;
  let elapsed = 0;
  let windowMs = 0;
  const windows: number[] = [];
  const cpuStart = threadCpuMs();
  while (ticks < MIN_TICKS || elapsed < MIN_MS || ticks % WINDOW !== 0) {
    const { ms } = measure(() => step(routing, game, NO_INPUTS, count));
    ticks++;
    elapsed += ms;
    windowMs += ms;
    if (ticks % WINDOW === 0) {
      windows.push(windowMs);
      windowMs = 0;
    }
    // Sampled outside the timed call: counting queues is the benchmark's work, not the engine's.
    held.push(messagesHeld(game.net));
    onWire.push(game.net.inFlight.length);
    inInboxes.push(game.net.inbox.reduce((sum, inbox) => sum + inbox.length, 0));
  }
  // Includes the sampling between ticks, which is small next to a tick.
  const cpuMs = threadCpuMs() - cpuStart;
  const ticksPerSecond = (ticks * 1000) / elapsed;
  const mean = (samples: number[]) => round(samples.reduce((s, n) => s + n, 0) / samples.length);
  return {
    bench: "routing-1000-nodes",
    value: round(ticksPerSecond),
    unit: "ticks/s",
    target: `>= ${TARGET_TICKS_PER_SECOND}`,
    met: ticksPerSecond >= TARGET_TICKS_PER_SECOND,
    msPerTick: round(elapsed / ticks, 3),
    cpuMsPerTick: round(cpuMs / ticks, 3),
    bestWindowTicksPerSecond: round((WINDOW * 1000) / Math.min(...windows)),
    measuredTicks: ticks,
    fromTick: startTick,
    routers: ROUTERS,
    links: game.net.links.length,
    heldMean: mean(held),
    heldMin: Math.min(...held),
    heldMax: Math.max(...held),
    onWireMean: mean(onWire),
    inInboxesMean: mean(inInboxes),
    transmitsPerTick: round(transmitted / ticks),
    arrivalsPerTick: round(arrived / ticks),
    deliveredPerTick: round((game.game.stats.delivered - delivered) / ticks),
    droppedPerTick: round(
      (Object.values(game.net.drops).reduce((sum, n) => sum + n, 0) - dropped) / ticks,
    ),
    setupMs: round(setupMs),
    config: ROUTING_CONFIG,
  };
}
