import { randomUUID } from "node:crypto";
import { DatabaseSync, type SQLOutputValue } from "node:sqlite";
import { migrate, migrations } from "./migrations.ts";
import { sqliteRoundStore } from "./sqliteRounds.ts";
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

/** The file under DATA_DIR that holds everything. */
export const DATABASE_FILE = "quorum.db";

// SQLite's extended result codes for the constraint failures a caller's input can cause.
const SQLITE_CONSTRAINT_FOREIGNKEY = 787;
const SQLITE_CONSTRAINT_UNIQUE = 2067;

type Row = Record<string, SQLOutputValue>;

/** S1: the embedded store, one SQLite file (or `:memory:` for tests) through `node:sqlite`. */
export class SqliteStore implements Store {
  readonly teachers: TeacherStore;
  readonly refreshTokens: RefreshTokenStore;
  readonly sessions: SessionStore;
  readonly players: PlayerStore;
  readonly rounds: RoundStore;
  readonly #db: DatabaseSync;

  /**
   * Opens (creating if needed) the database at `path` and brings its schema up to date.
   * Throws when the file is not a database or was written by a newer Quorum.
   */
  static open(path: string): SqliteStore {
    const db = new DatabaseSync(path, { enableForeignKeyConstraints: true, timeout: 5000 });
    try {
      // WAL: readers never wait for the writer; NORMAL sync is durable enough with WAL (a power
      // cut may lose the last transactions, never corrupt the file).
      db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
      migrate(db, migrations);
    } catch (error) {
      db.close();
      throw error;
    }
    return new SqliteStore(db);
  }

  private constructor(db: DatabaseSync) {
    this.#db = db;
    this.teachers = teacherStore(db);
    this.refreshTokens = refreshTokenStore(db);
    this.sessions = sessionStore(db);
    this.players = playerStore(db);
    this.rounds = sqliteRoundStore(db);
  }

  async close(): Promise<void> {
    if (this.#db.isOpen) this.#db.close();
  }
}

function isConstraint(error: unknown, code: number): boolean {
  return (error as { errcode?: unknown } | null)?.errcode === code;
}

const text = (value: SQLOutputValue | undefined) => value as string;
const time = (value: SQLOutputValue | undefined) => Number(value);
const timeOrNull = (value: SQLOutputValue | undefined) => (value == null ? null : Number(value));

function teacherStore(db: DatabaseSync): TeacherStore {
  const insert = db.prepare(
    "INSERT INTO teachers (id, email, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?) RETURNING *",
  );
  const byId = db.prepare("SELECT * FROM teachers WHERE id = ?");
  const byEmail = db.prepare("SELECT * FROM teachers WHERE email = ?");
  const count = db.prepare("SELECT count(*) AS count FROM teachers");
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
        const row = insert.get(
          randomUUID(),
          emailKey(teacher.email),
          teacher.passwordHash,
          teacher.role,
          teacher.createdAt,
        );
        return { ok: true, value: toTeacher(row!) };
      } catch (error) {
        if (isConstraint(error, SQLITE_CONSTRAINT_UNIQUE))
          return { ok: false, problem: "email-taken" };
        throw error;
      }
    },
    async byId(id) {
      const row = byId.get(id);
      return row && toTeacher(row);
    },
    async byEmail(email) {
      const row = byEmail.get(emailKey(email));
      return row && toTeacher(row);
    },
    async count() {
      return Number(count.get()?.count ?? 0);
    },
  };
}

function refreshTokenStore(db: DatabaseSync): RefreshTokenStore {
  const insert = db.prepare(
    "INSERT INTO refresh_tokens (token_hash, family, teacher_id, expires_at) VALUES (?, ?, ?, ?)",
  );
  const byHash = db.prepare("SELECT * FROM refresh_tokens WHERE token_hash = ?");
  const markUsed = db.prepare(
    "UPDATE refresh_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND revoked_at IS NULL",
  );
  const revokeFamily = db.prepare(
    "UPDATE refresh_tokens SET revoked_at = ? WHERE family = ? AND revoked_at IS NULL",
  );
  const deleteExpired = db.prepare("DELETE FROM refresh_tokens WHERE expires_at < ?");
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
      insert.run(token.tokenHash, token.family, token.teacherId, token.expiresAt);
    },
    async byHash(tokenHash) {
      const row = byHash.get(tokenHash);
      return row && toRefreshToken(row);
    },
    async markUsed(tokenHash, at) {
      return Number(markUsed.run(at, tokenHash).changes) === 1;
    },
    async revokeFamily(family, at) {
      return Number(revokeFamily.run(at, family).changes);
    },
    async deleteExpired(before) {
      return Number(deleteExpired.run(before).changes);
    },
  };
}

function sessionStore(db: DatabaseSync): SessionStore {
  const insert = db.prepare(
    "INSERT INTO sessions (id, teacher_id, join_code, created_at) VALUES (?, ?, ?, ?) RETURNING *",
  );
  const byCode = db.prepare("SELECT * FROM sessions WHERE join_code = ? AND ended_at IS NULL");
  const byId = db.prepare("SELECT * FROM sessions WHERE id = ?");
  // rowid breaks ties between sessions created in the same millisecond.
  const listByTeacher = db.prepare(
    "SELECT * FROM sessions WHERE teacher_id = ? ORDER BY created_at DESC, rowid DESC",
  );
  const end = db.prepare(
    "UPDATE sessions SET ended_at = coalesce(ended_at, ?) WHERE id = ? RETURNING *",
  );
  // Players, rounds and round logs go with it (ON DELETE CASCADE).
  const remove = db.prepare("DELETE FROM sessions WHERE id = ?");
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
        const row = insert.get(
          randomUUID(),
          session.teacherId,
          session.joinCode,
          session.createdAt,
        );
        return { ok: true, value: toSession(row!) };
      } catch (error) {
        if (isConstraint(error, SQLITE_CONSTRAINT_UNIQUE)) {
          return { ok: false, problem: "join-code-taken" };
        }
        throw error;
      }
    },
    async byCode(joinCode) {
      const row = byCode.get(joinCode);
      return row && toSession(row);
    },
    async byId(id) {
      const row = byId.get(id);
      return row && toSession(row);
    },
    async listByTeacher(teacherId) {
      return listByTeacher.all(teacherId).map(toSession);
    },
    async end(id, at) {
      const row = end.get(at, id);
      return row && toSession(row);
    },
    async delete(id) {
      return Number(remove.run(id).changes) === 1;
    },
  };
}

function playerStore(db: DatabaseSync): PlayerStore {
  const insert = db.prepare(
    "INSERT INTO players (id, session_id, nickname, nickname_key, created_at) VALUES (?, ?, ?, ?, ?) RETURNING *",
  );
  const byId = db.prepare("SELECT * FROM players WHERE id = ?");
  const bySession = db.prepare(
    "SELECT * FROM players WHERE session_id = ? AND removed_at IS NULL ORDER BY created_at, rowid",
  );
  const everInSession = db.prepare(
    "SELECT * FROM players WHERE session_id = ? ORDER BY created_at, rowid",
  );
  const rename = db.prepare(
    "UPDATE players SET nickname = ?, nickname_key = ? WHERE id = ? AND removed_at IS NULL RETURNING *",
  );
  const remove = db.prepare(
    "UPDATE players SET removed_at = coalesce(removed_at, ?) WHERE id = ? RETURNING *",
  );
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
        const row = insert.get(randomUUID(), sessionId, nickname, nicknameKey(nickname), createdAt);
        return { ok: true, value: toPlayer(row!) };
      } catch (error) {
        if (isConstraint(error, SQLITE_CONSTRAINT_UNIQUE)) {
          return { ok: false, problem: "nickname-taken" };
        }
        if (isConstraint(error, SQLITE_CONSTRAINT_FOREIGNKEY)) {
          return { ok: false, problem: "session-not-found" };
        }
        throw error;
      }
    },
    async byId(id) {
      const row = byId.get(id);
      return row && toPlayer(row);
    },
    async bySession(sessionId) {
      return bySession.all(sessionId).map(toPlayer);
    },
    async everInSession(sessionId) {
      return everInSession.all(sessionId).map(toPlayer);
    },
    async rename(id, nickname) {
      try {
        const row = rename.get(nickname, nicknameKey(nickname), id);
        return row
          ? { ok: true, value: toPlayer(row) }
          : { ok: false, problem: "player-not-found" };
      } catch (error) {
        if (isConstraint(error, SQLITE_CONSTRAINT_UNIQUE)) {
          return { ok: false, problem: "nickname-taken" };
        }
        throw error;
      }
    },
    async remove(id, at) {
      const row = remove.get(at, id);
      return row && toPlayer(row);
    },
  };
}
