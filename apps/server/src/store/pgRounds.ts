import { randomUUID } from "node:crypto";
import type pg from "pg";
import { assembleLog, chunkTexts, headerText, toStoredRound } from "./roundRows.ts";
import type { LogChunk, RoundStatus, RoundStore } from "./types.ts";

/**
 * S1, S2: rounds and their logs in PostgreSQL. Every write is a single statement (CTEs where it
 * touches two tables), so each is atomic without holding a pooled connection for a transaction.
 */
export function pgRoundStore(pool: pg.Pool): RoundStore {
  const row = async (sql: string, values: unknown[]) => (await pool.query(sql, values)).rows[0];
  const count = async (sql: string, values: unknown[]) =>
    (await pool.query(sql, values)).rowCount ?? 0;

  /**
   * Moves a running round's end forward (and, with `close`, ends it) and appends the chunk.
   * False, with nothing written, when the round is not running.
   */
  const write = async (
    id: string,
    chunk: LogChunk,
    at: number,
    close?: { status: RoundStatus; summary: string | null; players: string | null },
  ): Promise<boolean> => {
    const closing = close
      ? ", status = $5, ended_at = $3, summary = $6, players = coalesce($7, players)"
      : "";
    const update = `UPDATE rounds SET end_tick = $1, end_hash = $2, recorded_at = $3${closing}
      WHERE id = $4 AND status = 'running' RETURNING id`;
    const values: unknown[] = [chunk.tick, chunk.hash, at, id];
    if (close) values.push(close.status, close.summary, close.players);
    const texts = chunkTexts(chunk);
    if (texts === undefined) return (await count(update, values)) === 1;
    const next = values.length + 1;
    const inserted = await count(
      `WITH moved AS (${update})
       INSERT INTO round_log (round_id, inputs, checkpoints)
       SELECT id, $${next}::text, $${next + 1}::text FROM moved`,
      [...values, texts.inputs, texts.checkpoints],
    );
    return inserted === 1;
  };

  return {
    async start(round) {
      const started = await row(
        `WITH numbered AS (
           UPDATE sessions SET rounds_started = rounds_started + 1 WHERE id = $2::text
           RETURNING rounds_started
         )
         INSERT INTO rounds (id, session_id, number, mode, status, header, players, started_at,
           recorded_at, end_tick, end_hash)
         SELECT $1::text, $2::text, rounds_started, $3::text, 'running', $4::text, $5::text,
           $6::bigint, $6::bigint, 0, $7::text
         FROM numbered
         RETURNING *`,
        [
          randomUUID(),
          round.sessionId,
          round.header.mode,
          headerText(round.header),
          JSON.stringify(round.players),
          round.startedAt,
          round.startHash,
        ],
      );
      if (started === undefined) return { ok: false, problem: "session-not-found" };
      return { ok: true, value: toStoredRound(started) };
    },
    append(id, chunk, at) {
      return write(id, chunk, at);
    },
    finish(id, chunk, result, at) {
      const summary = JSON.stringify(result.summary);
      return write(id, chunk, at, {
        status: "finished",
        summary,
        players: JSON.stringify(result.players),
      });
    },
    interrupt(id, chunk, at) {
      return write(id, chunk, at, { status: "interrupted", summary: null, players: null });
    },
    interruptRunning() {
      return count(
        "UPDATE rounds SET status = 'interrupted', ended_at = recorded_at WHERE status = 'running'",
        [],
      );
    },
    async byId(id) {
      const found = await row("SELECT * FROM rounds WHERE id = $1", [id]);
      return found && toStoredRound(found);
    },
    async byNumber(sessionId, number) {
      const found = await row("SELECT * FROM rounds WHERE session_id = $1 AND number = $2", [
        sessionId,
        number,
      ]);
      return found && toStoredRound(found);
    },
    async bySession(sessionId) {
      const { rows } = await pool.query(
        "SELECT * FROM rounds WHERE session_id = $1 ORDER BY number",
        [sessionId],
      );
      return rows.map(toStoredRound);
    },
    async log(id) {
      // The row first: chunks written after it are cut at its endTick (assembleLog).
      const found = await row("SELECT * FROM rounds WHERE id = $1", [id]);
      if (found === undefined) return undefined;
      const { rows } = await pool.query(
        "SELECT inputs, checkpoints FROM round_log WHERE round_id = $1 ORDER BY id",
        [id],
      );
      return assembleLog(found, rows);
    },
    async share(id, tokenHash) {
      const found = await row("UPDATE rounds SET share_token_hash = $1 WHERE id = $2 RETURNING *", [
        tokenHash,
        id,
      ]);
      return found && toStoredRound(found);
    },
    async byShareToken(tokenHash) {
      const found = await row("SELECT * FROM rounds WHERE share_token_hash = $1", [tokenHash]);
      return found && toStoredRound(found);
    },
    async delete(id) {
      return (await count("DELETE FROM rounds WHERE id = $1", [id])) === 1;
    },
  };
}
