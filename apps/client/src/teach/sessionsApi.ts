import { apiError, jsonInit } from "../auth/apiError.ts";
import { teacherFetch } from "../auth/auth.ts";

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
