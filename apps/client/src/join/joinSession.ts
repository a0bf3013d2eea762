/** P3: what a student needs to play, from `POST /api/sessions/:code/players`. */
export interface PlayerSeat {
  playerId: string;
  /** A session-scoped player token (JWT): the same browser rejoins the same node with it. */
  token: string;
  roomId: string;
  nickname: string;
}

/** The server's answer to a join, as something the join card can say in a sentence. */
export type JoinOutcome =
  | { outcome: "joined"; seat: PlayerSeat }
  | { outcome: "invalid-code" }
  | { outcome: "session-not-found" }
  | { outcome: "nickname-taken" }
  /** The server's nickname rule disagreed with ours (it is the same shared rule, but say so). */
  | { outcome: "nickname-invalid" }
  | { outcome: "rate-limited"; seconds: number }
  | { outcome: "server-error"; status: number }
  | { outcome: "unreachable" };

export async function joinSession(
  code: string,
  nickname: string,
  signal?: AbortSignal,
): Promise<JoinOutcome> {
  let response: Response;
  try {
    response = await fetch(`/api/sessions/${encodeURIComponent(code)}/players`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ nickname }),
      signal: signal ?? null,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    return { outcome: "unreachable" };
  }
  const body = await jsonBody(response);
  if (response.ok) {
    const seat = seatOf(body, nickname);
    return seat
      ? { outcome: "joined", seat }
      : { outcome: "server-error", status: response.status };
  }
  // A reverse proxy answering for a server that is down.
  if (response.status === 502 || response.status === 504) return { outcome: "unreachable" };
  const error = typeof body?.error === "string" ? body.error : null;
  switch (error) {
    case "invalid-code":
    case "session-not-found":
    case "nickname-taken":
      return { outcome: error };
    case "rate-limited":
      return { outcome: "rate-limited", seconds: retryAfter(response) };
    case "invalid-request":
      if (body?.field === "nickname") return { outcome: "nickname-invalid" };
  }
  if (response.status === 429) return { outcome: "rate-limited", seconds: retryAfter(response) };
  return { outcome: "server-error", status: response.status };
}

function seatOf(body: Record<string, unknown> | null, nickname: string): PlayerSeat | null {
  const { playerId, token, roomId } = body ?? {};
  if (typeof playerId !== "string" || typeof token !== "string" || typeof roomId !== "string") {
    return null;
  }
  const stored = typeof body?.nickname === "string" ? body.nickname : nickname;
  return { playerId, token, roomId, nickname: stored };
}

/** Seconds from `Retry-After` (P6); a minute when the header is missing or an HTTP date. */
function retryAfter(response: Response): number {
  const seconds = Number(response.headers.get("retry-after"));
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 60;
}

async function jsonBody(response: Response): Promise<Record<string, unknown> | null> {
  try {
    const body: unknown = await response.json();
    return typeof body === "object" && body !== null ? (body as Record<string, unknown>) : null;
  } catch {
    return null; // a proxy's HTML error page, say: the status is all there is
  }
}
