// `pnpm bench projector` opens this page (scripts/bench/projector.ts): the projector's live
// drawing of a 200-router round, fed ten times a second the way useClassroom and RoundNetwork
// feed it, while the page counts the frames drawn. The result goes into #result as JSON.
import { TICK_MS } from "@quorum/shared/engine/time";
import { t } from "@quorum/shared/i18n/index";
import { PACKET_ENDS } from "@quorum/shared/modes/routing/packet";
import { type LiveNetwork, Traffic } from "../../src/network/live.ts";
import { type LiveDrawing, mountLiveNetwork } from "../../src/network/mountLiveNetwork.ts";
import { flyingOf, liveNetworkOf } from "../../src/teach/classroom.ts";
import "../../src/styles.css";
import "../../src/teach/teach.css";
import { PROJECTOR_CONFIG, ROUTERS, startRound } from "./feed.ts";
import { intervals, MeteredClock, mean, meterFrames, percentile } from "./meter.ts";

const query = new URLSearchParams(location.search);
/** Ticks the class has played before the projector opens: the network is at its working load. */
const PLAYED_TICKS = 150;
const WARMUP_MS = Number(query.get("warmup") ?? 3_000);
const MEASURE_MS = Number(query.get("measure") ?? 10_000);
/** The drawing's own choice unless the benchmark asks for another renderer to compare. */
const RENDERER = query.get("renderer") === "webgl" ? "webgl" : undefined;

const away = (name: string) => t("en", "teach.node.away", { name });
const causeText = (cause: string) => {
  const end = PACKET_ENDS.find((known) => known === cause);
  return end ? t("en", `drop.${end}`) : cause;
};

async function run(): Promise<Record<string, unknown>> {
  const bench = startRound(2026);
  for (let tick = 0; tick < PLAYED_TICKS; tick++) bench.next();

  // useClassroom: a projector opened mid-round starts from the host view's packets in flight.
  const traffic = new Traffic();
  const clock = new MeteredClock();
  let view = bench.next().view;
  traffic.reset(flyingOf(view));
  clock.observe(view.tick, performance.now());
  clock.configure(TICK_MS, 1, true);

  let renderer = "unknown";
  const parent = document.getElementById("drawing")!;
  const drawing: LiveDrawing = await mountLiveNetwork(parent, {
    traffic,
    clock,
    causeText,
    renderer: RENDERER,
    onDrawn() {},
    onRenderer(chosen) {
      renderer = chosen;
    },
  });
  let network: LiveNetwork = liveNetworkOf(view, null, away);
  drawing.show(network);

  const meter = meterFrames(clock, () => ({
    packets: traffic.packets.size,
    flashes: traffic.flashes.length,
  }));
  const onWire: number[] = [];
  const engineMs: number[] = [];
  const feedMs: number[] = [];
  let recording = false;
  // The room's beat (D7): a state patch with the host view, then the tick's events.
  const beat = setInterval(() => {
    const start = performance.now();
    const update = bench.next();
    const now = performance.now();
    view = update.view;
    clock.observe(view.tick, now);
    traffic.apply(update.events, now);
    const next = liveNetworkOf(view, network, away);
    if (next !== network) drawing.show(next);
    network = next;
    if (!recording) return;
    engineMs.push(now - start);
    feedMs.push(performance.now() - now);
    onWire.push(bench.round.net.inFlight.length);
  }, TICK_MS);

  await sleep(WARMUP_MS);
  recording = true;
  meter.start();
  const startedAt = performance.now();
  await sleep(MEASURE_MS);
  meter.stop();
  recording = false;
  const seconds = (performance.now() - startedAt) / 1000;
  clearInterval(beat);

  const { browserFrames, drawnAt, drawMs, packetsDrawn, flashes } = meter.samples;
  const frameGaps = intervals(drawnAt);
  const canvas = parent.querySelector("canvas");
  const result = {
    renderer,
    // Frames over the time they span: a window's ragged ends would bias a frame count.
    fps: 1000 / mean(frameGaps),
    browserFps: 1000 / mean(intervals(browserFrames)),
    drawnFrames: drawnAt.length,
    frameMsP95: percentile(frameGaps, 0.95),
    frameMsMax: Math.max(0, ...frameGaps),
    drawMsMean: mean(drawMs),
    drawMsP95: percentile(drawMs, 0.95),
    nodes: view.nodes.length,
    links: view.links.length,
    inFlight: mean(onWire),
    inFlightMin: Math.min(...onWire),
    inFlightMax: Math.max(...onWire),
    packetsDrawn: mean(packetsDrawn),
    dropFlashes: mean(flashes),
    // The room's beat is a timer on the same thread: a busy drawing delays it too.
    ticksPerSecond: onWire.length / seconds,
    engineMsPerTick: mean(engineMs),
    feedMsPerTick: mean(feedMs),
    canvas: canvas ? `${canvas.width}x${canvas.height}` : null,
    config: { ...PROJECTOR_CONFIG, routers: ROUTERS },
  };
  drawing.destroy();
  return result;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const output = document.getElementById("result")!;
run().then(
  (result) => {
    output.textContent = JSON.stringify(result);
    output.dataset.state = "done";
  },
  (error: unknown) => {
    output.textContent = String(error instanceof Error ? error.stack : error);
    output.dataset.state = "failed";
  },
);
