import type { DatabaseSync } from "node:sqlite";

/**
 * The SQLite schema, one migration per entry. Version n is `migrations[n - 1]`. Append only:
 * never edit a migration that has shipped, since databases out there have already run it.
 */
export const migrations: readonly string[] = [
  // 1: teachers, refresh tokens, classroom sessions, players (P1–P3).
  `
  CREATE TABLE teachers (
    id            TEXT PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('admin', 'teacher')),
    created_at    INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE refresh_tokens (
    token_hash TEXT PRIMARY KEY,
    family     TEXT NOT NULL,
    teacher_id TEXT NOT NULL REFERENCES teachers (id) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER,
    revoked_at INTEGER
  ) STRICT;
  CREATE INDEX refresh_tokens_family ON refresh_tokens (family);
  CREATE INDEX refresh_tokens_expires_at ON refresh_tokens (expires_at);

  CREATE TABLE sessions (
    id         TEXT PRIMARY KEY,
    teacher_id TEXT NOT NULL REFERENCES teachers (id) ON DELETE CASCADE,
    join_code  TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    ended_at   INTEGER
  ) STRICT;
  -- P2: a join code names one running session; ended sessions give theirs back.
  CREATE UNIQUE INDEX sessions_active_join_code ON sessions (join_code) WHERE ended_at IS NULL;
  CREATE INDEX sessions_teacher ON sessions (teacher_id, created_at);

  CREATE TABLE players (
    id           TEXT PRIMARY KEY,
    session_id   TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    nickname     TEXT NOT NULL,
    nickname_key TEXT NOT NULL,
    removed_at   INTEGER,
    created_at   INTEGER NOT NULL
  ) STRICT;
  -- P3: nicknames are unique per session among players who were not removed.
  CREATE UNIQUE INDEX players_active_nickname ON players (session_id, nickname_key)
    WHERE removed_at IS NULL;
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
    started_at       INTEGER NOT NULL,
    recorded_at      INTEGER NOT NULL,
    ended_at         INTEGER,
    end_tick         INTEGER NOT NULL,
    end_hash         TEXT NOT NULL,
    summary          TEXT,
    share_token_hash TEXT UNIQUE,
    UNIQUE (session_id, number)
  ) STRICT;
  CREATE INDEX rounds_running ON rounds (status) WHERE status = 'running';

  -- One row per write of a running round: the inputs and checkpoints since the previous one.
  CREATE TABLE round_log (
    id          INTEGER PRIMARY KEY,
    round_id    TEXT NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    inputs      TEXT NOT NULL,
    checkpoints TEXT NOT NULL
  ) STRICT;
  CREATE INDEX round_log_round ON round_log (round_id, id);
  `,
];

/**
 * Applies the migrations the database has not run yet, all in one transaction, and records each
 * in `schema_migrations`. Answers the schema version reached.
 */
export function migrate(db: DatabaseSync, list: readonly string[]): number {
  // IMMEDIATE takes the write lock before reading the version: two processes opening the same
  // file at once cannot both run a migration.
  db.exec("BEGIN IMMEDIATE");
  try {
    db.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL) STRICT",
    );
    const row = db.prepare("SELECT max(version) AS version FROM schema_migrations").get();
    const current = Number(row?.version ?? 0);
    if (current > list.length) {
      throw new Error(
        `The database has schema version ${current}, but this Quorum knows only up to ${list.length}: it was written by a newer version.`,
      );
    }
    const record = db.prepare("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)");
    for (let version = current + 1; version <= list.length; version++) {
      db.exec(list[version - 1]!);
      record.run(version, Date.now());
    }
    db.exec("COMMIT");
    return list.length;
  } catch (error) {
    db.exec("ROLLBACK");
    throw error;
  }
}
