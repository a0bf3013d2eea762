import { matchMaker } from "@colyseus/core";
import { CLASSROOM_ROOM } from "@quorum/shared";
import type { ClassroomRoom } from "../rooms/ClassroomRoom.ts";

/**
 * The Colyseus room of each active session. Its id is the session's id, so a session whose room
 * is gone (a server restart, an idle room disposed) gets it back on demand under the same id.
 */
export class SessionRooms {
  readonly #opening = new Map<string, Promise<string>>();

  /** The room id of `sessionId`'s room, creating the room when it does not exist. */
  ensure(sessionId: string): Promise<string> {
    let opening = this.#opening.get(sessionId);
    if (opening === undefined) {
      opening = this.#open(sessionId).finally(() => this.#opening.delete(sessionId));
      this.#opening.set(sessionId, opening);
    }
    return opening;
  }

  /** Ends the session's room, if it has one: a round in play ends, everyone is disconnected. */
  async end(sessionId: string): Promise<void> {
    await this.#opening.get(sessionId)?.catch(() => {});
    if ((await matchMaker.getRoomById(sessionId)) === undefined) return;
    await matchMaker.remoteRoomCall<ClassroomRoom>(sessionId, "endSession", []);
  }

  async #open(sessionId: string): Promise<string> {
    const existing = await matchMaker.getRoomById(sessionId);
    if (existing !== undefined) return existing.roomId;
    const created = await matchMaker.createRoom(CLASSROOM_ROOM, { sessionId });
    return created.roomId;
  }
}
