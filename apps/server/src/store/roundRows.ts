import {
  type Checkpoint,
  type Input,
  REPLAY_FORMAT,
  type ReplayLog,
  type RoundSummary,
} from "@quorum/shared";
import type { LogChunk, RoundHeader, RoundPlayer, RoundStatus, StoredRound } from "./types.ts";

/**
 * S1: the parts of the round store both databases share. JSON is kept as text in both: the
 * exact text comes back (PostgreSQL's jsonb would reorder keys), and the log is re-simulated
 * from it, bit for bit.
 */

/** A row of `rounds` as either driver answers it (PostgreSQL's BIGINTs arrive as strings). */
export type RoundRow = Record<string, unknown>;

export function toStoredRound(row: RoundRow): StoredRound {
  return {
    id: String(row.id),
    sessionId: String(row.session_id),
    number: Number(row.number),
    mode: String(row.mode),
    status: String(row.status) as RoundStatus,
    startedAt: Number(row.started_at),
    endedAt: row.ended_at == null ? null : Number(row.ended_at),
    endTick: Number(row.end_tick),
    players: JSON.parse(String(row.players)) as RoundPlayer[],
    summary: row.summary == null ? null : (JSON.parse(String(row.summary)) as RoundSummary),
    shared: row.share_token_hash != null,
  };
}

/** The texts of one `round_log` row, or undefined when the chunk adds nothing to the log. */
export function chunkTexts(chunk: LogChunk): { inputs: string; checkpoints: string } | undefined {
  if (chunk.inputs.length === 0 && chunk.checkpoints.length === 0) return undefined;
  return { inputs: JSON.stringify(chunk.inputs), checkpoints: JSON.stringify(chunk.checkpoints) };
}

export function headerText(header: RoundHeader): string {
  const { version, engineVersion, mode, config, seed, roster } = header;
  return JSON.stringify({ version, engineVersion, mode, config, seed, roster });
}

/**
 * §1.2, S2: the replay log from the round's row and its `round_log` rows (in write order, read
 * after the row). It
 * ends at the last tick written, with that tick's checkpoint, so a log cut short by a crash
 * still verifies as far as it goes.
 */
export function assembleLog(round: RoundRow, chunks: readonly RoundRow[]): ReplayLog {
  const header = JSON.parse(String(round.header)) as RoundHeader;
  const endTick = Number(round.end_tick);
  const inputs: Input[] = [];
  const checkpoints: Checkpoint[] = [];
  // A write that landed between reading the row and reading the chunks may reach past endTick.
  for (const chunk of chunks) {
    for (const input of JSON.parse(String(chunk.inputs)) as Input[]) {
      if (input.t <= endTick) inputs.push(input);
    }
    for (const checkpoint of JSON.parse(String(chunk.checkpoints)) as Checkpoint[]) {
      if (checkpoint.t <= endTick) checkpoints.push(checkpoint);
    }
  }
  if (!checkpoints.some((checkpoint) => checkpoint.t === endTick)) {
    checkpoints.push({ t: endTick, hash: String(round.end_hash) });
  }
  return {
    format: REPLAY_FORMAT,
    ...header,
    inputs,
    checkpoints,
    endTick,
    summary: round.summary == null ? null : (JSON.parse(String(round.summary)) as RoundSummary),
  };
}
