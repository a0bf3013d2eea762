import type { Pool } from "pg";

/**
 * The PostgreSQL schema, one migration per entry, version n is `pgMigrations[n - 1]`; the same
 * versions as the SQLite schema (migrations.ts). Append only: never edit a migration that has
 * shipped. Times are BIGINT milliseconds; `seq` columns keep insertion order where SQLite uses
 * its rowid.
 */
export const pgMigrations: readonly string[] = [
  // 1: teachers, refresh tokens, classroom sessions, players (P1–P3).
  `
  CREATE TABLE teachers (
    id            TEXT PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('admin', 'teacher')),
    created_at    BIGINT NOT NULL
  );

  CREATE TABLE refresh_tokens (
    token_hash TEXT PRIMARY KEY,
    family     TEXT NOT NULL,
    teacher_id TEXT NOT NULL REFERENCES teachers (id) ON DELETE CASCADE,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT,
    revoked_at BIGINT
  );
  CREATE INDEX refresh_tokens_family ON refresh_tokens (family);
  CREATE INDEX refresh_tokens_expires_at ON refresh_tokens (expires_at);

  CREATE TABLE sessions (
    id         TEXT PRIMARY KEY,
    seq        BIGINT GENERATED ALWAYS AS IDENTITY,
    teacher_id TEXT NOT NULL REFERENCES teachers (id) ON DELETE CASCADE,
    join_code  TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    ended_at   BIGINT
  );
  -- P2: a join code names one running session; ended sessions give theirs back.
  CREATE UNIQUE INDEX sessions_active_join_code ON sessions (join_code) WHERE ended_at IS NULL;
  CREATE INDEX sessions_teacher ON sessions (teacher_id, created_at);

  CREATE TABLE players (
    id           TEXT PRIMARY KEY,
    seq          BIGINT GENERATED ALWAYS AS IDENTITY,
    session_id   TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    nickname     TEXT NOT NULL,
    nickname_key TEXT NOT NULL,
    removed_at   BIGINT,
    created_at   BIGINT NOT NULL
  );
  -- P3: nicknames are unique per session among players who were not removed.
  CREATE UNIQUE INDEX players_active_nickname ON players (session_id, nickname_key)
    WHERE removed_at IS NULL;
  CREATE INDEX players_session ON players (session_id, created_at);
  `,
  // 2: rounds and their logs, appended while a round runs (S2).
  `
  ALTER TABLE sessions ADD COLUMN rounds_started INTEGER NOT NULL DEFAULT 0;

  CREATE TABLE rounds (
    id               TEXT PRIMARY KEY,
    session_id       TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    number           INTEGER NOT NULL,
    mode             TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('running', 'finished', 'interrupted')),
    header           TEXT NOT NULL,
    players          TEXT NOT NULL,
    started_at       BIGINT NOT NULL,
    recorded_at      BIGINT NOT NULL,
    ended_at         BIGINT,
    end_tick         INTEGER NOT NULL,
    end_hash         TEXT NOT NULL,
    summary          TEXT,
    share_token_hash TEXT UNIQUE,
    UNIQUE (session_id, number)
  );
  CREATE INDEX rounds_running ON rounds (status) WHERE status = 'running';

  -- One row per write of a running round: the inputs and checkpoints since the previous one.
  CREATE TABLE round_log (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    round_id    TEXT NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    inputs      TEXT NOT NULL,
    checkpoints TEXT NOT NULL
  );
  CREATE INDEX round_log_round ON round_log (round_id, id);
  `,
];

/** Any constant will do, as long as nothing else in the database uses it as an advisory lock. */
const MIGRATION_LOCK = 0x51_75_6f_72; // "Quor"

/**
 * Applies the migrations the database has not run yet, all in one transaction, and records each
 * in `schema_migrations`. Answers the schema version reached.
 */
export async function migratePg(pool: Pool, list: readonly string[]): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    // Held until COMMIT: two servers starting at once on one database migrate one after the other.
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await client.query(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)",
    );
    const { rows } = await client.query("SELECT max(version) AS version FROM schema_migrations");
    const current = Number(rows[0]?.version ?? 0);
    if (current > list.length) {
      throw new Error(
        `The database has schema version ${current}, but this Quorum knows only up to ${list.length}: it was written by a newer version.`,
      );
    }
    for (let version = current + 1; version <= list.length; version++) {
      await client.query(list[version - 1]!);
      await client.query("INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)", [
        version,
        Date.now(),
      ]);
    }
    await client.query("COMMIT");
    return list.length;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
