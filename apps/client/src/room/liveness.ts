import { CloseCode, type Room } from "@colyseus/sdk";

/** A pong that takes longer than this means the socket is dead (a phone woke from sleep). */
const PONG_TIMEOUT_MS = 5_000;

/**
 * A socket can look open after a phone sleep or a network switch and carry nothing. This pings
 * `room` while the page is visible; no pong in time closes the socket the way the SDK's own
 * "offline" handling does (MAY_TRY_RECONNECT), so its reconnection starts at once. `current`
 * says whether `room` is still the connection's seat when the answer is due.
 */
export function probe(room: Room, current: () => boolean): void {
  if (!room.connection?.isOpen || document.visibilityState !== "visible") return;
  let answered = false;
  room.ping(() => {
    answered = true;
  });
  setTimeout(() => {
    if (!answered && current() && room.connection.isOpen) {
      room.connection.close(CloseCode.MAY_TRY_RECONNECT, "no pong");
    }
  }, PONG_TIMEOUT_MS);
}
