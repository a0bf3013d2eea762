import { randomUUID } from "node:crypto";
import type { DatabaseSync } from "node:sqlite";
import { assembleLog, chunkTexts, headerText, toStoredRound } from "./roundRows.ts";
import type { LogChunk, RoundStatus, RoundStore } from "./types.ts";

/** S1, S2: rounds and their logs in SQLite. */
export function sqliteRoundStore(db: DatabaseSync): RoundStore {
  const bumpNumber = db.prepare(
    "UPDATE sessions SET rounds_started = rounds_started + 1 WHERE id = ? RETURNING rounds_started",
  );
  const insert = db.prepare(
    `INSERT INTO rounds (id, session_id, number, mode, status, header, players, started_at,
       recorded_at, end_tick, end_hash)
     VALUES (?, ?, ?, ?, 'running', ?, ?, ?, ?, 0, ?) RETURNING *`,
  );
  const advance = db.prepare(
    "UPDATE rounds SET end_tick = ?, end_hash = ?, recorded_at = ? WHERE id = ? AND status = 'running'",
  );
  const close = db.prepare(
    `UPDATE rounds SET status = ?, ended_at = ?, summary = ?, players = coalesce(?, players)
     WHERE id = ?`,
  );
  const insertChunk = db.prepare(
    "INSERT INTO round_log (round_id, inputs, checkpoints) VALUES (?, ?, ?)",
  );
  const interruptRunning = db.prepare(
    "UPDATE rounds SET status = 'interrupted', ended_at = recorded_at WHERE status = 'running'",
  );
  const byId = db.prepare("SELECT * FROM rounds WHERE id = ?");
  const byNumber = db.prepare("SELECT * FROM rounds WHERE session_id = ? AND number = ?");
  const bySession = db.prepare("SELECT * FROM rounds WHERE session_id = ? ORDER BY number");
  const chunks = db.prepare(
    "SELECT inputs, checkpoints FROM round_log WHERE round_id = ? ORDER BY id",
  );
  const share = db.prepare("UPDATE rounds SET share_token_hash = ? WHERE id = ? RETURNING *");
  const byShareToken = db.prepare("SELECT * FROM rounds WHERE share_token_hash = ?");
  const remove = db.prepare("DELETE FROM rounds WHERE id = ?");

  /** Runs `write` in one transaction; it answers false to roll back. */
  const transaction = (write: () => boolean): boolean => {
    db.exec("BEGIN IMMEDIATE");
    try {
      const keep = write();
      db.exec(keep ? "COMMIT" : "ROLLBACK");
      return keep;
    } catch (error) {
      db.exec("ROLLBACK");
      throw error;
    }
  };
  /** Appends a chunk to a running round; false (nothing written) when it is not running. */
  const appendChunk = (id: string, chunk: LogChunk, at: number): boolean => {
    if (Number(advance.run(chunk.tick, chunk.hash, at, id).changes) !== 1) return false;
    const texts = chunkTexts(chunk);
    if (texts !== undefined) insertChunk.run(id, texts.inputs, texts.checkpoints);
    return true;
  };
  const closeRound = (
    id: string,
    chunk: LogChunk,
    at: number,
    status: RoundStatus,
    summary: string | null,
    players: string | null,
  ) =>
    transaction(() => {
      if (!appendChunk(id, chunk, at)) return false;
      close.run(status, at, summary, players, id);
      return true;
    });

  return {
    async start(round) {
      const id = randomUUID();
      const started = transaction(() => {
        const numbered = bumpNumber.get(round.sessionId);
        if (numbered === undefined) return false;
        insert.run(
          id,
          round.sessionId,
          Number(numbered.rounds_started),
          round.header.mode,
          headerText(round.header),
          JSON.stringify(round.players),
          round.startedAt,
          round.startedAt,
          round.startHash,
        );
        return true;
      });
      if (!started) return { ok: false, problem: "session-not-found" };
      return { ok: true, value: toStoredRound(byId.get(id)!) };
    },
    async append(id, chunk, at) {
      return transaction(() => appendChunk(id, chunk, at));
    },
    async finish(id, chunk, result, at) {
      const { summary, players } = result;
      return closeRound(
        id,
        chunk,
        at,
        "finished",
        JSON.stringify(summary),
        JSON.stringify(players),
      );
    },
    async interrupt(id, chunk, at) {
      return closeRound(id, chunk, at, "interrupted", null, null);
    },
    async interruptRunning() {
      return Number(interruptRunning.run().changes);
    },
    async byId(id) {
      const row = byId.get(id);
      return row && toStoredRound(row);
    },
    async byNumber(sessionId, number) {
      const row = byNumber.get(sessionId, number);
      return row && toStoredRound(row);
    },
    async bySession(sessionId) {
      return bySession.all(sessionId).map(toStoredRound);
    },
    async log(id) {
      const row = byId.get(id);
      return row && assembleLog(row, chunks.all(id));
    },
    async share(id, tokenHash) {
      const row = share.get(tokenHash, id);
      return row && toStoredRound(row);
    },
    async byShareToken(tokenHash) {
      const row = byShareToken.get(tokenHash);
      return row && toStoredRound(row);
    },
    async delete(id) {
      return Number(remove.run(id).changes) === 1;
    },
  };
}
