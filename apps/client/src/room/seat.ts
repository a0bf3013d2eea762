import { type Client, ErrorCode, type Room, type SeatReservation } from "@colyseus/sdk";

/** Why a join did not give a seat, sorted by what the caller should do about it. */
export type SeatRequestFailure =
  /** The network or the server is briefly unavailable: try again later with the same token. */
  | { kind: "retry"; detail: string }
  /** No such room (any more). */
  | { kind: "room-gone" }
  /** The server looked at the token and said no: trying again cannot help. */
  | { kind: "refused"; status: number; code: number | string | null; message: string };

export type SeatRequest = { ok: true; room: Room } | { ok: false; failure: SeatRequestFailure };

/**
 * `client.joinById`, but with the server's answer kept whole: the SDK turns every matchmaking
 * answer into one error type, and the phone must tell "the Wi-Fi is gone" (keep the token, try
 * again) from "the teacher removed you" (forget the token). `endpoint` is the client's (http) one.
 */
export async function joinRoomById(
  client: Client,
  endpoint: string,
  roomId: string,
  options: Record<string, unknown>,
): Promise<SeatRequest> {
  const url = new URL(
    `matchmake/joinById/${encodeURIComponent(roomId)}`,
    `${endpoint.replace(/\/+$/, "")}/`,
  );
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(options),
    });
  } catch (error) {
    return { ok: false, failure: { kind: "retry", detail: String(error) } };
  }
  const body = await json(response);
  if (!response.ok) return { ok: false, failure: classify(response.status, body) };
  try {
    return { ok: true, room: await client.consumeSeatReservation(body as SeatReservation) };
  } catch (error) {
    // The socket failed, or the room refused the seat while joining (instance-level onAuth).
    const code = (error as { code?: unknown }).code;
    const message = error instanceof Error ? error.message : String(error);
    if (typeof code === "number" && isRefusal(code)) {
      return { ok: false, failure: { kind: "refused", status: 0, code, message } };
    }
    if (code === ErrorCode.MATCHMAKE_INVALID_ROOM_ID)
      return { ok: false, failure: { kind: "room-gone" } };
    return { ok: false, failure: { kind: "retry", detail: message } };
  }
}

function classify(status: number, body: unknown): SeatRequestFailure {
  const fields = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const code =
    typeof fields.code === "number" || typeof fields.code === "string" ? fields.code : null;
  const message = typeof fields.error === "string" ? fields.error : `HTTP ${status}`;
  if (code === ErrorCode.MATCHMAKE_INVALID_ROOM_ID) return { kind: "room-gone" };
  if (isRefusal(typeof code === "number" ? code : status)) {
    return { kind: "refused", status, code, message };
  }
  return { kind: "retry", detail: message };
}

/**
 * AUTH_FAILED, and the 4xx range a room uses for its own refusals (HTTP-like: 401 bad token,
 * 403 removed, 404 unknown player, plus 4400–4499 over the socket). Everything else — proxies'
 * 502/503/504, an expired seat reservation, a closed socket — is worth another try.
 */
function isRefusal(code: number): boolean {
  return (
    code === ErrorCode.AUTH_FAILED ||
    (code >= 400 && code < 500 && code !== 408 && code !== 429) ||
    (code >= 4400 && code < 4500)
  );
}

async function json(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}
