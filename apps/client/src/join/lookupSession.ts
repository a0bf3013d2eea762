/** What `GET /api/sessions/:code` told us, as something the join card can say in a sentence. */
export type SessionLookup =
  | { outcome: "found"; code: string }
  | { outcome: "session-not-found"; code: string }
  | { outcome: "invalid-code"; code: string }
  | { outcome: "server-error"; status: number }
  | { outcome: "unreachable" };

export async function lookupSession(code: string, signal?: AbortSignal): Promise<SessionLookup> {
  let response: Response;
  try {
    response = await fetch(`/api/sessions/${encodeURIComponent(code)}`, {
      headers: { accept: "application/json" },
      signal: signal ?? null,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    return { outcome: "unreachable" };
  }
  if (response.ok) return { outcome: "found", code };
  // A reverse proxy answering for a server that is down.
  if (response.status === 502 || response.status === 504) return { outcome: "unreachable" };
  const error = await errorCode(response);
  if (error === "session-not-found" || error === "invalid-code") return { outcome: error, code };
  return { outcome: "server-error", status: response.status };
}

async function errorCode(response: Response): Promise<string | null> {
  try {
    const body: unknown = await response.json();
    if (typeof body === "object" && body !== null && "error" in body) {
      return typeof body.error === "string" ? body.error : null;
    }
  } catch {
    // Not JSON: a proxy's error page, say. The status alone is what we can report.
  }
  return null;
}
