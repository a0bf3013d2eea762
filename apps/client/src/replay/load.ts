import type { RoundEvent } from "@quorum/shared/engine/contract";
import { decodeReplay } from "@quorum/shared/replay/codec";
import {
  advance,
  openReplay,
  type Replay,
  type ReplayProblem,
  verify,
} from "@quorum/shared/replay/replayer";
import { type Marker, MarkerCollector } from "./markers.ts";

/**
 * A `.quorum-replay` file opened in the browser (§1.2, P4): decoded, verified against its own
 * checkpoint hashes (D6) and played through once, all with the shared engine and no server.
 */

/** Why a file is refused: the replayer's reasons, and a file that ends too early. */
export type FileProblem = ReplayProblem | { code: "replay.file.truncated" };

export type Opened = { ok: true; replay: Replay } | { ok: false; problem: FileProblem };

/** Every gzip file starts with these two bytes (RFC 1952). */
const GZIP_MAGIC = [0x1f, 0x8b];

/**
 * Decodes and verifies `bytes`. A file of another format version or engine version, a cut-off
 * download or a changed file is refused with its reason: never replayed wrongly (§1.2, D6).
 */
export function openReplayFile(bytes: Uint8Array): Opened {
  if (bytes[0] !== GZIP_MAGIC[0] || bytes[1] !== GZIP_MAGIC[1]) {
    return { ok: false, problem: { code: "replay.not-a-replay" } };
  }
  const decoded = decodeReplay(bytes);
  if (!decoded.ok) {
    const { problem } = decoded;
    // fflate's words for a gzip stream that stops before its end: the download was cut short.
    const truncated =
      problem.code === "replay.corrupt" && problem.detail.includes("unexpected EOF");
    return { ok: false, problem: truncated ? { code: "replay.file.truncated" } : problem };
  }
  const verified = verify(decoded.value);
  if (!verified.ok) return { ok: false, problem: verified.problem };
  const opened = openReplay(decoded.value);
  return opened.ok ? { ok: true, replay: opened.value } : { ok: false, problem: opened.problem };
}

/**
 * The viewer keeps a snapshot every this many ticks, denser than the replayer's SNAPSHOT_EVERY:
 * a seek then re-simulates at most this many ticks, well inside 100 ms in a busy browser. A
 * snapshot of a 30-node round holds about 230 KB: 14 MB for a ten-minute round.
 */
export const VIEWER_SNAPSHOT_EVERY = 100;

/**
 * Plays the whole round once, `chunk` ticks between two yields of the share done (0–1): that
 * fills the seek snapshots (every VIEWER_SNAPSHOT_EVERY ticks; `seek` uses any it finds) and
 * collects the timeline's markers, which it returns.
 */
export function* prepareReplay(replay: Replay, chunk = 250): Generator<number, Marker[]> {
  const collector = new MarkerCollector(replay.log.inputs);
  const round = structuredClone(replay.snapshots.get(0)!);
  const endTick = replay.log.endTick;
  let events: RoundEvent[] = [];
  const emit = (event: RoundEvent) => events.push(event);
  while (round.tick < endTick) {
    advance(replay, round, emit);
    collector.tick(round.tick, events);
    events = [];
    if (round.tick % VIEWER_SNAPSHOT_EVERY === 0 && !replay.snapshots.has(round.tick)) {
      replay.snapshots.set(round.tick, structuredClone(round));
    }
    if (round.tick % chunk === 0 && round.tick < endTick) yield round.tick / endTick;
  }
  return collector.finish();
}
