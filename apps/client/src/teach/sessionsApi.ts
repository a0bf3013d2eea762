import { apiError, jsonInit } from "../auth/apiError.ts";
import { teacherFetch } from "../auth/auth.ts";
import { type DownloadedFile, downloaded } from "../replay/files.ts";

/** A classroom session as the teacher's pages use it (P2). */
export interface SessionInfo {
  id: string;
  joinCode: string;
  createdAt: number;
  endedAt: number | null;
  /** The address a student's phone opens (the QR code's content). */
  joinUrl: string | null;
  /** The read-only projector view, with its token (P4). */
  projectorUrl: string | null;
  /** The Colyseus room of the session (CLASSROOM_ROOM), joined by id. */
  roomId: string;
}

/** POST /api/sessions: a new session with a fresh join code. */
export async function createSession(): Promise<SessionInfo> {
  const response = await teacherFetch("/api/sessions", jsonInit("POST", {}));
  if (!response.ok) throw await apiError(response);
  return sessionFrom(await response.json());
}

/** GET /api/sessions: this teacher's sessions, newest first. */
export async function listSessions(signal?: AbortSignal): Promise<SessionInfo[]> {
  const response = await teacherFetch("/api/sessions", {
    ...jsonInit("GET"),
    signal: signal ?? null,
  });
  if (!response.ok) throw await apiError(response);
  const body = (await response.json()) as { sessions?: unknown[] };
  return (body.sessions ?? []).map(sessionFrom);
}

/**
 * POST /api/sessions/:id/open: what the console needs to run one of this teacher's sessions (its
 * room is made again if the server restarted). Null when it is not theirs, or has ended.
 */
export async function openSession(id: string, signal?: AbortSignal): Promise<SessionInfo | null> {
  const response = await teacherFetch(`/api/sessions/${encodeURIComponent(id)}/open`, {
    ...jsonInit("POST"),
    signal: signal ?? null,
  });
  if (response.status === 404 || response.status === 409) return null;
  if (!response.ok) throw await apiError(response);
  return sessionFrom(await response.json());
}

/** POST /api/sessions/:id/end: the class is over; its code is free again. */
export async function endSession(id: string): Promise<void> {
  const response = await teacherFetch(
    `/api/sessions/${encodeURIComponent(id)}/end`,
    jsonInit("POST"),
  );
  if (!response.ok) throw await apiError(response);
}

/** The answer's session, whether it is wrapped in `{ session }` or not. */
function sessionFrom(body: unknown): SessionInfo {
  const outer = body as Record<string, unknown>;
  const inner = (outer.session ?? outer) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === "string" ? value : null);
  const time = (value: unknown) =>
    typeof value === "number" ? value : typeof value === "string" ? Date.parse(value) : null;
  return {
    id: String(inner.id),
    joinCode: String(inner.code ?? inner.joinCode),
    createdAt: time(inner.createdAt) ?? 0,
    endedAt: time(inner.endedAt),
    joinUrl: text(outer.joinUrl ?? inner.joinUrl),
    projectorUrl: text(outer.projectorUrl ?? inner.projectorUrl),
    roomId: text(outer.roomId ?? inner.roomId) ?? String(inner.id),
  };
}

/** S2: a recorded round as GET /api/sessions/:id/rounds lists it (docs/api.md). */
export interface RoundInfo {
  number: number;
  mode: string;
  status: "running" | "finished" | "interrupted";
  startedAt: number;
  endedAt: number | null;
  endTick: number;
  players: { playerId: string; nickname: string; node: number; score: number | null }[];
  /** R9: the debrief's figures, the class's and the mode's baseline bot's; null unless finished. */
  summary: { class: unknown; baseline: unknown } | null;
  /** A read-only share link exists. */
  shared: boolean;
}

const sessionPath = (id: string) => `/api/sessions/${encodeURIComponent(id)}`;
const roundPath = (id: string, round: number) => `${sessionPath(id)}/rounds/${round}`;

/** GET /api/sessions/:id/rounds: the session's rounds, oldest first. */
export async function listRounds(sessionId: string, signal?: AbortSignal): Promise<RoundInfo[]> {
  const response = await teacherFetch(`${sessionPath(sessionId)}/rounds`, {
    ...jsonInit("GET"),
    signal: signal ?? null,
  });
  if (!response.ok) throw await apiError(response);
  const body = (await response.json()) as { rounds?: RoundInfo[] };
  return body.rounds ?? [];
}

/** GET …/rounds/:n/replay: the round's .quorum-replay file (§1.2). */
export async function downloadReplay(
  sessionId: string,
  round: number,
  signal?: AbortSignal,
): Promise<DownloadedFile> {
  return downloaded(
    await teacherFetch(`${roundPath(sessionId, round)}/replay`, { signal: signal ?? null }),
    `round-${round}.quorum-replay`,
  );
}

/** POST …/rounds/:n/share: a new read-only link; the round's previous one stops working. */
export async function shareRound(sessionId: string, round: number): Promise<string> {
  const response = await teacherFetch(`${roundPath(sessionId, round)}/share`, jsonInit("POST"));
  if (!response.ok) throw await apiError(response);
  const body = (await response.json()) as { url: string };
  return body.url;
}

/** DELETE …/rounds/:n/share */
export async function revokeShare(sessionId: string, round: number): Promise<void> {
  const response = await teacherFetch(`${roundPath(sessionId, round)}/share`, jsonInit("DELETE"));
  if (!response.ok) throw await apiError(response);
}

/** DELETE …/rounds/:n: the round, its log and its share link. */
export async function deleteRound(sessionId: string, round: number): Promise<void> {
  const response = await teacherFetch(roundPath(sessionId, round), jsonInit("DELETE"));
  if (!response.ok) throw await apiError(response);
}

/** GET /api/sessions/:id/results.csv: players and scores. */
export async function downloadResults(sessionId: string): Promise<DownloadedFile> {
  return downloaded(await teacherFetch(`${sessionPath(sessionId)}/results.csv`), "results.csv");
}

/** DELETE /api/sessions/:id: the session with its students, rounds and share links. */
export async function deleteSession(sessionId: string): Promise<void> {
  const response = await teacherFetch(sessionPath(sessionId), jsonInit("DELETE"));
  if (!response.ok) throw await apiError(response);
}
