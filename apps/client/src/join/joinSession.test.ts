import { afterEach, describe, expect, it, vi } from "vitest";
import { joinSession } from "./joinSession.ts";

const answer =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  async () =>
    new Response(JSON.stringify(body), {
      status,
      headers: { "content-type": "application/json", ...headers },
    });

afterEach(() => vi.unstubAllGlobals());

describe("joining a session", () => {
  it("P3: a join gives the seat to remember: player, token, room", async () => {
    const fetch = vi.fn(
      answer(201, { playerId: "p1", token: "jwt", roomId: "s1", nickname: "Ada" }),
    );
    vi.stubGlobal("fetch", fetch);
    expect(await joinSession("ABC234", "Ada")).toEqual({
      outcome: "joined",
      seat: { playerId: "p1", token: "jwt", roomId: "s1", nickname: "Ada" },
    });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/sessions/ABC234/players");
    expect(init).toMatchObject({ method: "POST", body: JSON.stringify({ nickname: "Ada" }) });
  });

  it("P3, P6: every refusal becomes something the join card can say", async () => {
    const cases = [
      [answer(400, { error: "invalid-code" }), { outcome: "invalid-code" }],
      [answer(404, { error: "session-not-found" }), { outcome: "session-not-found" }],
      [answer(409, { error: "nickname-taken" }), { outcome: "nickname-taken" }],
      [
        answer(400, { error: "invalid-request", field: "nickname" }),
        { outcome: "nickname-invalid" },
      ],
      [
        answer(429, { error: "rate-limited" }, { "retry-after": "17" }),
        { outcome: "rate-limited", seconds: 17 },
      ],
      [answer(502, {}), { outcome: "unreachable" }],
      [answer(500, { error: "internal-error" }), { outcome: "server-error", status: 500 }],
    ] as const;
    for (const [response, outcome] of cases) {
      vi.stubGlobal("fetch", response);
      expect(await joinSession("ABC234", "Ada")).toEqual(outcome);
    }
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("Failed to fetch");
    });
    expect(await joinSession("ABC234", "Ada")).toEqual({ outcome: "unreachable" });
  });
});
