import type { Checkpoint, Input, ReplayLog, RoundSummary } from "@quorum/shared";

/**
 * S1: the one storage interface of the server, implemented by SqliteStore and PgStore; both
 * must pass `describeStoreContract` (contract.ts). Every method is async for PostgreSQL's sake.
 * Times are milliseconds since the epoch, passed in by the caller so tests control the clock.
 */
export interface Store {
  teachers: TeacherStore;
  refreshTokens: RefreshTokenStore;
  sessions: SessionStore;
  players: PlayerStore;
  rounds: RoundStore;
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
  /** Deletes the session with its players, rounds and round logs; false for an unknown one. */
  delete(id: string): Promise<boolean>;
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
  /** Every player who joined the session, removed ones included, in the order they joined. */
  everInSession(sessionId: string): Promise<Player[]>;
  rename(
    id: string,
    nickname: string,
  ): Promise<StoreResult<Player, NicknameProblem | "player-not-found">>;
  /** Marks the player removed (frees the nickname); undefined for an unknown player. */
  remove(id: string, at: number): Promise<Player | undefined>;
}

export const ROUND_STATUSES = ["running", "finished", "interrupted"] as const;
/**
 * S2: `running` while a server plays it; `finished` when the teacher ended it (with a summary);
 * `interrupted` when its server stopped first — a crash included — so its log ends early.
 */
export type RoundStatus = (typeof ROUND_STATUSES)[number];

/** §1.2: the part of a replay log known when the round starts. */
export type RoundHeader = Pick<
  ReplayLog,
  "version" | "engineVersion" | "mode" | "config" | "seed" | "roster"
>;

/** A student's node in a round and, once the round finished, its score. */
export interface RoundPlayer {
  playerId: string;
  nickname: string;
  node: number;
  score: number | null;
}

/** One round of a session as stored: its log lives beside it, see `RoundStore.log`. */
export interface StoredRound {
  id: string;
  sessionId: string;
  /** 1, 2, … in the order the session's rounds started; never reused, not even after a delete. */
  number: number;
  mode: string;
  status: RoundStatus;
  startedAt: number;
  /** When it finished or, for an interrupted round, when its log was last written. */
  endedAt: number | null;
  /** The last tick recorded: the log replays up to here. */
  endTick: number;
  /** Students seated when it started; at its end, those seated then, with their scores. */
  players: RoundPlayer[];
  /** R9: the debrief's figures, for a finished round. */
  summary: RoundSummary | null;
  /** A share link exists (only its token's hash is stored). */
  shared: boolean;
}

export interface NewRound {
  sessionId: string;
  header: RoundHeader;
  players: RoundPlayer[];
  startedAt: number;
  /** D6: the state hash of tick 0. */
  startHash: string;
}

/**
 * S2: what one write adds to a round's log: the inputs and checkpoints recorded since the last
 * write, and the tick the round has reached with its state hash (so the log can end there).
 */
export interface LogChunk {
  inputs: Input[];
  checkpoints: Checkpoint[];
  tick: number;
  hash: string;
}

export interface RoundStore {
  /** Numbers the round in its session and marks it running. */
  start(round: NewRound): Promise<StoreResult<StoredRound, "session-not-found">>;
  /** S2: appends to the log of a running round; false when the round is not running. */
  append(id: string, chunk: LogChunk, at: number): Promise<boolean>;
  /** The last chunk, the summary and the scores: the round is finished. False if not running. */
  finish(
    id: string,
    chunk: LogChunk,
    result: { summary: RoundSummary; players: RoundPlayer[] },
    at: number,
  ): Promise<boolean>;
  /** The server stops while the round is played: the last chunk, then `interrupted`. */
  interrupt(id: string, chunk: LogChunk, at: number): Promise<boolean>;
  /**
   * S2: at start, every round still `running` was left by a server that died: it becomes
   * `interrupted`, ended at its last write. Answers how many.
   */
  interruptRunning(): Promise<number>;
  byId(id: string): Promise<StoredRound | undefined>;
  byNumber(sessionId: string, number: number): Promise<StoredRound | undefined>;
  /** Oldest first. */
  bySession(sessionId: string): Promise<StoredRound[]>;
  /**
   * §1.2: the round's replay log as far as it was written. It ends at `endTick` with a
   * checkpoint there, so `verify` accepts an interrupted round's log up to its last write.
   */
  log(id: string): Promise<ReplayLog | undefined>;
  /** Sets (replacing any) or, with null, clears the SHA-256 of the round's share token. */
  share(id: string, tokenHash: string | null): Promise<StoredRound | undefined>;
  byShareToken(tokenHash: string): Promise<StoredRound | undefined>;
  /** Deletes the round and its log; false for an unknown round. */
  delete(id: string): Promise<boolean>;
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
