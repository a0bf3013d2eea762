import { Client, ErrorCode } from "@colyseus/sdk";
import { afterEach, describe, expect, it, vi } from "vitest";
import { joinRoomById } from "./seat.ts";

const client = new Client("http://quorum.test");
const answer = (status: number, body: unknown) => async () =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

afterEach(() => vi.unstubAllGlobals());

describe("joining a room by id", () => {
  it("P3: goes to the page's own server with the token", async () => {
    const fetch = vi.fn(answer(525, { code: ErrorCode.AUTH_FAILED, error: "removed" }));
    vi.stubGlobal("fetch", fetch);
    await joinRoomById(client, "http://quorum.test/", "room 1", { token: "t" });
    const [url, init] = fetch.mock.calls[0] as unknown as [URL, RequestInit];
    expect(String(url)).toBe("http://quorum.test/matchmake/joinById/room%201");
    expect(init.body).toBe(JSON.stringify({ token: "t" }));
  });

  it("P6: a refused token is final, with the room's reason", async () => {
    vi.stubGlobal("fetch", answer(525, { code: ErrorCode.AUTH_FAILED, error: "removed" }));
    expect(await joinRoomById(client, "http://quorum.test", "r", {})).toEqual({
      ok: false,
      failure: { kind: "refused", status: 525, code: ErrorCode.AUTH_FAILED, message: "removed" },
    });
  });

  it("a room that no longer exists is gone, not refused", async () => {
    const gone = { code: ErrorCode.MATCHMAKE_INVALID_ROOM_ID, error: 'room "r" not found' };
    vi.stubGlobal("fetch", answer(522, gone));
    expect(await joinRoomById(client, "http://quorum.test", "r", {})).toEqual({
      ok: false,
      failure: { kind: "room-gone" },
    });
  });

  it("P3: no network, a proxy's 502 or an expired seat are worth another try", async () => {
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("Failed to fetch");
    });
    expect((await joinRoomById(client, "http://quorum.test", "r", {})).ok).toBe(false);
    for (const [status, body] of [
      [502, "<html>Bad Gateway</html>"],
      [524, { code: ErrorCode.MATCHMAKE_EXPIRED, error: "expired" }],
      [503, {}],
    ] as const) {
      vi.stubGlobal("fetch", answer(status, body));
      const result = await joinRoomById(client, "http://quorum.test", "r", {});
      expect(result.ok === false && result.failure.kind, `HTTP ${status}`).toBe("retry");
    }
  });
});
