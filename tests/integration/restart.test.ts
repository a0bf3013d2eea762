import { SqliteStore } from "@quorum/server/store/sqlite";
import { afterAll, expect, it } from "vitest";
import {
  addPlayer,
  api,
  connect,
  createSession,
  refusal,
  startClassroom,
  until,
} from "./harness.ts";

const store = SqliteStore.open(":memory:");

afterAll(async () => {
  await store.close();
});

it("P2, P3: after a server restart an active session's room comes back on demand, same id, same tokens", async () => {
  const before = await startClassroom({ store });
  const session = await createSession(before);
  const ada = await addPlayer(before, session.code, "Ada");
  await connect(before, ada.roomId, ada.token);
  await before.close();

  const after = await startClassroom({ store });
  try {
    // The room is gone with the old process…
    expect((await refusal(connect(after, ada.roomId, ada.token))).message).toMatch(/not found/);
    // …and the student's join page (looking the code up) brings it back under the same id.
    expect((await api(after, "GET", `/api/sessions/${session.code}`)).status).toBe(200);
    const student = await connect(after, ada.roomId, ada.token);
    await until(() => student.json().players?.[ada.playerId]?.connected === true, "Ada back");

    // The teacher reopening the session finds the same room.
    const token = await after.accessToken();
    const opened = await api(after, "POST", `/api/sessions/${session.id}/open`, { token });
    expect(opened.status).toBe(200);
    expect(opened.body.roomId).toBe(session.roomId);
    const host = await connect(after, opened.body.roomId, token);
    await until(() => host.json().players?.[ada.playerId]?.nickname === "Ada", "the class list");
  } finally {
    await after.close();
  }
});
