/**
 * S1: the one storage interface of the server. SQLite implements it now, PostgreSQL later; both
 * must pass `describeStoreContract` (contract.ts). Every method is async for PostgreSQL's sake.
 * Times are milliseconds since the epoch, passed in by the caller so tests control the clock.
 */
export interface Store {
  teachers: TeacherStore;
  refreshTokens: RefreshTokenStore;
  sessions: SessionStore;
  players: PlayerStore;
  /** Releases the database. Idempotent. */
  close(): Promise<void>;
}

export const TEACHER_ROLES = ["admin", "teacher"] as const;
export type TeacherRole = (typeof TEACHER_ROLES)[number];

export interface Teacher {
  id: string;
  /** Lower-case: emails are unique regardless of case. */
  email: string;
  /** `scrypt$N$r$p$salt$hash`, see auth/passwords.ts. */
  passwordHash: string;
  role: TeacherRole;
  createdAt: number;
}

export interface NewTeacher {
  /** Stored lower-cased. */
  email: string;
  passwordHash: string;
  role: TeacherRole;
  createdAt: number;
}

export interface TeacherStore {
  create(teacher: NewTeacher): Promise<StoreResult<Teacher, "email-taken">>;
  byId(id: string): Promise<Teacher | undefined>;
  /** Case-insensitive. */
  byEmail(email: string): Promise<Teacher | undefined>;
  count(): Promise<number>;
}

/** P1: one refresh token; only its SHA-256 is stored, never the token. */
export interface RefreshToken {
  /** SHA-256 of the token, lower-case hex. */
  tokenHash: string;
  /** Tokens rotated from one login share a family; reuse of an old one revokes the family. */
  family: string;
  teacherId: string;
  expiresAt: number;
  usedAt: number | null;
  revokedAt: number | null;
}

export interface RefreshTokenStore {
  insert(token: Omit<RefreshToken, "usedAt" | "revokedAt">): Promise<void>;
  byHash(tokenHash: string): Promise<RefreshToken | undefined>;
  /**
   * Marks the token used, only if it is neither used nor revoked: true when this call did it.
   * Two concurrent rotations of one token cannot both succeed.
   */
  markUsed(tokenHash: string, at: number): Promise<boolean>;
  /** Revokes every token of the family not yet revoked; answers how many. */
  revokeFamily(family: string, at: number): Promise<number>;
  /** Forgets tokens that expired before `before`; answers how many. */
  deleteExpired(before: number): Promise<number>;
}

/** A classroom session (one class meeting, many rounds). */
export interface ClassroomSession {
  id: string;
  teacherId: string;
  /** P2: unique among sessions that have not ended; an ended session's code may be reused. */
  joinCode: string;
  createdAt: number;
  endedAt: number | null;
}

export interface NewClassroomSession {
  teacherId: string;
  joinCode: string;
  createdAt: number;
}

export interface SessionStore {
  create(session: NewClassroomSession): Promise<StoreResult<ClassroomSession, "join-code-taken">>;
  /** The active (not ended) session with this join code. */
  byCode(joinCode: string): Promise<ClassroomSession | undefined>;
  byId(id: string): Promise<ClassroomSession | undefined>;
  /** Newest first, ended sessions included. */
  listByTeacher(teacherId: string): Promise<ClassroomSession[]>;
  /** Ends the session (frees its join code); an ended session keeps its first `endedAt`. */
  end(id: string, at: number): Promise<ClassroomSession | undefined>;
}

export interface Player {
  id: string;
  sessionId: string;
  /** As the student chose it (normalised by the caller, see `normaliseNickname`). */
  nickname: string;
  removedAt: number | null;
  createdAt: number;
}

export interface NewPlayer {
  sessionId: string;
  nickname: string;
  createdAt: number;
}

export type NicknameProblem = "nickname-taken";

export interface PlayerStore {
  /** P3: refused when a player of the session who was not removed has the same nickname. */
  create(player: NewPlayer): Promise<StoreResult<Player, NicknameProblem | "session-not-found">>;
  /** Removed players too: a removed player's token must be refused, not mistaken for unknown. */
  byId(id: string): Promise<Player | undefined>;
  /** The players not removed, in the order they joined. */
  bySession(sessionId: string): Promise<Player[]>;
  rename(
    id: string,
    nickname: string,
  ): Promise<StoreResult<Player, NicknameProblem | "player-not-found">>;
  /** Marks the player removed (frees the nickname); undefined for an unknown player. */
  remove(id: string, at: number): Promise<Player | undefined>;
}

/** A write that a caller's input can refuse: a value, not an exception. */
export type StoreResult<Value, Problem extends string> =
  | { ok: true; value: Value }
  | { ok: false; problem: Problem };

/**
 * P3: the form in which nicknames are compared, so "Ada", "ADA" and "ａｄａ" are one name.
 * Computed in JavaScript, not in SQL, so every store compares the same way.
 */
export function nicknameKey(nickname: string): string {
  return nickname.normalize("NFKC").toLowerCase();
}

/** Emails are stored and looked up in this form. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}
