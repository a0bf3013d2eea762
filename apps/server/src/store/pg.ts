import { randomUUID } from "node:crypto";
import pg from "pg";
import { migratePg, pgMigrations } from "./pgMigrations.ts";
import { pgRoundStore } from "./pgRounds.ts";
import {
  type ClassroomSession,
  emailKey,
  nicknameKey,
  type Player,
  type PlayerStore,
  type RefreshToken,
  type RefreshTokenStore,
  type RoundStore,
  type SessionStore,
  type Store,
  type Teacher,
  type TeacherRole,
  type TeacherStore,
} from "./types.ts";

// PostgreSQL's SQLSTATEs for the constraint failures a caller's input can cause.
const UNIQUE_VIOLATION = "23505";
const FOREIGN_KEY_VIOLATION = "23503";

/** How long opening a connection may take before the store gives up. @default 10 s */
const CONNECT_TIMEOUT_MS = 10_000;

type Row = Record<string, unknown>;

export interface PgStoreOptions {
  /**
   * Told about errors of idle pooled connections (the server restarted, the network dropped);
   * the pool replaces such a connection by itself. @default ignored
   */
  onIdleError?: (error: Error) => void;
}

/** S1: the production store, PostgreSQL through a `pg` connection pool (DATABASE_URL). */
export class PgStore implements Store {
  readonly teachers: TeacherStore;
  readonly refreshTokens: RefreshTokenStore;
  readonly sessions: SessionStore;
  readonly players: PlayerStore;
  readonly rounds: RoundStore;
  readonly #pool: pg.Pool;
  #closing: Promise<void> | undefined;

  /**
   * Connects to `url` and brings the schema up to date. Throws a message naming the server
   * (never the password) when the URL is malformed, the server cannot be reached, refuses the
   * sign-in, or has a schema written by a newer Quorum.
   */
  static async open(url: string, options: PgStoreOptions = {}): Promise<PgStore> {
    const where = describeDatabase(url);
    let pool: pg.Pool;
    try {
      pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    } catch (error) {
      throw new Error(`DATABASE_URL is not a usable PostgreSQL URL: ${message(error)}`);
    }
    pool.on("error", (error) => options.onIdleError?.(error));
    try {
      await migratePg(pool, pgMigrations);
    } catch (error) {
      await pool.end().catch(() => {});
      throw new Error(`Cannot use the PostgreSQL database ${where}: ${message(error)}`);
    }
    return new PgStore(pool);
  }

  private constructor(pool: pg.Pool) {
    this.#pool = pool;
    this.teachers = teacherStore(pool);
    this.refreshTokens = refreshTokenStore(pool);
    this.sessions = sessionStore(pool);
    this.players = playerStore(pool);
    this.rounds = pgRoundStore(pool);
  }

  close(): Promise<void> {
    this.#closing ??= this.#pool.end();
    return this.#closing;
  }
}

/** `user@host:port/database`, for messages: a URL without its password. */
export function describeDatabase(url: string): string {
  try {
    const parsed = new URL(url);
    const user = parsed.username ? `${decodeURIComponent(parsed.username)}@` : "";
    const database = parsed.pathname.replace(/^\//, "") || "(default database)";
    return `${user}${parsed.host || "localhost"}/${decodeURIComponent(database)}`;
  } catch {
    return "(DATABASE_URL)";
  }
}

function message(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    return error.errors.map(message).join("; ");
  }
  if (error instanceof Error) return error.message || (error as { code?: string }).code || "error";
  return String(error);
}

function isViolation(error: unknown, code: string): boolean {
  return (error as { code?: unknown } | null)?.code === code;
}

const text = (value: unknown) => value as string;
const time = (value: unknown) => Number(value);
const timeOrNull = (value: unknown) => (value == null ? null : Number(value));

async function one(pool: pg.Pool, sql: string, values: unknown[]): Promise<Row | undefined> {
  const result = await pool.query(sql, values);
  return result.rows[0];
}

async function changes(pool: pg.Pool, sql: string, values: unknown[]): Promise<number> {
  return (await pool.query(sql, values)).rowCount ?? 0;
}

function teacherStore(pool: pg.Pool): TeacherStore {
  const toTeacher = (row: Row): Teacher => ({
    id: text(row.id),
    email: text(row.email),
    passwordHash: text(row.password_hash),
    role: text(row.role) as TeacherRole,
    createdAt: time(row.created_at),
  });
  return {
    async create(teacher) {
      try {
        const row = await one(
          pool,
          "INSERT INTO teachers (id, email, password_hash, role, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING *",
          [
            randomUUID(),
            emailKey(teacher.email),
            teacher.passwordHash,
            teacher.role,
            teacher.createdAt,
          ],
        );
        return { ok: true, value: toTeacher(row!) };
      } catch (error) {
        if (isViolation(error, UNIQUE_VIOLATION)) return { ok: false, problem: "email-taken" };
        throw error;
      }
    },
    async byId(id) {
      const row = await one(pool, "SELECT * FROM teachers WHERE id = $1", [id]);
      return row && toTeacher(row);
    },
    async byEmail(email) {
      const row = await one(pool, "SELECT * FROM teachers WHERE email = $1", [emailKey(email)]);
      return row && toTeacher(row);
    },
    async count() {
      const row = await one(pool, "SELECT count(*) AS count FROM teachers", []);
      return Number(row?.count ?? 0);
    },
  };
}

function refreshTokenStore(pool: pg.Pool): RefreshTokenStore {
  const toRefreshToken = (row: Row): RefreshToken => ({
    tokenHash: text(row.token_hash),
    family: text(row.family),
    teacherId: text(row.teacher_id),
    expiresAt: time(row.expires_at),
    usedAt: timeOrNull(row.used_at),
    revokedAt: timeOrNull(row.revoked_at),
  });
  return {
    async insert(token) {
      await pool.query(
        "INSERT INTO refresh_tokens (token_hash, family, teacher_id, expires_at) VALUES ($1, $2, $3, $4)",
        [token.tokenHash, token.family, token.teacherId, token.expiresAt],
      );
    },
    async byHash(tokenHash) {
      const row = await one(pool, "SELECT * FROM refresh_tokens WHERE token_hash = $1", [
        tokenHash,
      ]);
      return row && toRefreshToken(row);
    },
    async markUsed(tokenHash, at) {
      // Under READ COMMITTED the second of two concurrent updates re-checks the WHERE clause
      // after the first commits, and finds the token used.
      const changed = await changes(
        pool,
        "UPDATE refresh_tokens SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND revoked_at IS NULL",
        [at, tokenHash],
      );
      return changed === 1;
    },
    async revokeFamily(family, at) {
      return changes(
        pool,
        "UPDATE refresh_tokens SET revoked_at = $1 WHERE family = $2 AND revoked_at IS NULL",
        [at, family],
      );
    },
    async deleteExpired(before) {
      return changes(pool, "DELETE FROM refresh_tokens WHERE expires_at < $1", [before]);
    },
  };
}

function sessionStore(pool: pg.Pool): SessionStore {
  const toSession = (row: Row): ClassroomSession => ({
    id: text(row.id),
    teacherId: text(row.teacher_id),
    joinCode: text(row.join_code),
    createdAt: time(row.created_at),
    endedAt: timeOrNull(row.ended_at),
  });
  return {
    async create(session) {
      try {
        const row = await one(
          pool,
          "INSERT INTO sessions (id, teacher_id, join_code, created_at) VALUES ($1, $2, $3, $4) RETURNING *",
          [randomUUID(), session.teacherId, session.joinCode, session.createdAt],
        );
        return { ok: true, value: toSession(row!) };
      } catch (error) {
        if (isViolation(error, UNIQUE_VIOLATION)) return { ok: false, problem: "join-code-taken" };
        throw error;
      }
    },
    async byCode(joinCode) {
      const row = await one(
        pool,
        "SELECT * FROM sessions WHERE join_code = $1 AND ended_at IS NULL",
        [joinCode],
      );
      return row && toSession(row);
    },
    async byId(id) {
      const row = await one(pool, "SELECT * FROM sessions WHERE id = $1", [id]);
      return row && toSession(row);
    },
    async listByTeacher(teacherId) {
      const { rows } = await pool.query(
        "SELECT * FROM sessions WHERE teacher_id = $1 ORDER BY created_at DESC, seq DESC",
        [teacherId],
      );
      return rows.map(toSession);
    },
    async end(id, at) {
      const row = await one(
        pool,
        "UPDATE sessions SET ended_at = coalesce(ended_at, $1) WHERE id = $2 RETURNING *",
        [at, id],
      );
      return row && toSession(row);
    },
    async delete(id) {
      // Players, rounds and round logs go with it (ON DELETE CASCADE).
      return (await changes(pool, "DELETE FROM sessions WHERE id = $1", [id])) === 1;
    },
  };
}

function playerStore(pool: pg.Pool): PlayerStore {
  const toPlayer = (row: Row): Player => ({
    id: text(row.id),
    sessionId: text(row.session_id),
    nickname: text(row.nickname),
    removedAt: timeOrNull(row.removed_at),
    createdAt: time(row.created_at),
  });
  return {
    async create(player) {
      const { sessionId, nickname, createdAt } = player;
      try {
        const row = await one(
          pool,
          "INSERT INTO players (id, session_id, nickname, nickname_key, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING *",
          [randomUUID(), sessionId, nickname, nicknameKey(nickname), createdAt],
        );
        return { ok: true, value: toPlayer(row!) };
      } catch (error) {
        if (isViolation(error, UNIQUE_VIOLATION)) return { ok: false, problem: "nickname-taken" };
        if (isViolation(error, FOREIGN_KEY_VIOLATION)) {
          return { ok: false, problem: "session-not-found" };
        }
        throw error;
      }
    },
    async byId(id) {
      const row = await one(pool, "SELECT * FROM players WHERE id = $1", [id]);
      return row && toPlayer(row);
    },
    async bySession(sessionId) {
      const { rows } = await pool.query(
        "SELECT * FROM players WHERE session_id = $1 AND removed_at IS NULL ORDER BY created_at, seq",
        [sessionId],
      );
      return rows.map(toPlayer);
    },
    async everInSession(sessionId) {
      const { rows } = await pool.query(
        "SELECT * FROM players WHERE session_id = $1 ORDER BY created_at, seq",
        [sessionId],
      );
      return rows.map(toPlayer);
    },
    async rename(id, nickname) {
      try {
        const row = await one(
          pool,
          "UPDATE players SET nickname = $1, nickname_key = $2 WHERE id = $3 AND removed_at IS NULL RETURNING *",
          [nickname, nicknameKey(nickname), id],
        );
        return row
          ? { ok: true, value: toPlayer(row) }
          : { ok: false, problem: "player-not-found" };
      } catch (error) {
        if (isViolation(error, UNIQUE_VIOLATION)) return { ok: false, problem: "nickname-taken" };
        throw error;
      }
    },
    async remove(id, at) {
      const row = await one(
        pool,
        "UPDATE players SET removed_at = coalesce(removed_at, $1) WHERE id = $2 RETURNING *",
        [at, id],
      );
      return row && toPlayer(row);
    },
  };
}
