import type { PlayerSeat } from "./joinSession.ts";

/**
 * P3: the seat a device holds in a session, kept in localStorage under the join code, so that a
 * reload, a phone sleep or a network switch rejoins the same node. Nothing else is stored.
 */
const PREFIX = "quorum.seat.";

export function loadSeat(joinCode: string): PlayerSeat | null {
  try {
    const raw = localStorage.getItem(PREFIX + joinCode);
    const seat: unknown = raw === null ? null : JSON.parse(raw);
    return isSeat(seat) ? seat : null;
  } catch {
    return null; // storage blocked, or an entry from another version: join afresh
  }
}

export function rememberSeat(joinCode: string, seat: PlayerSeat): void {
  try {
    localStorage.setItem(PREFIX + joinCode, JSON.stringify(seat));
  } catch {
    // Storage blocked (private mode): the game still works until the page is reloaded.
  }
}

/** A removed player's token must not be tried again (protocol.ts SERVER_MESSAGE.removed). */
export function forgetSeat(joinCode: string): void {
  try {
    localStorage.removeItem(PREFIX + joinCode);
  } catch {
    // Nothing stored, nothing to forget.
  }
}

function isSeat(value: unknown): value is PlayerSeat {
  if (typeof value !== "object" || value === null) return false;
  const seat = value as Record<string, unknown>;
  return ["playerId", "token", "roomId", "nickname"].every((key) => typeof seat[key] === "string");
}
