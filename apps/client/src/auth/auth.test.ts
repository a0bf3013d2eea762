import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const teacher = { id: "t1", email: "ada@school.example", role: "admin" };
const granted = (accessToken: string) =>
  new Response(JSON.stringify({ accessToken, expiresIn: 600, teacher }), { status: 200 });
const refused = (error: string) =>
  new Response(JSON.stringify({ error, message: "" }), { status: 401 });

/** A fresh copy of the module: one browser tab. */
const openTab = async () => {
  vi.resetModules();
  return import("./auth.ts");
};

describe("auth (P1)", () => {
  beforeEach(() => {
    // One tab at a time here; the last test opens two.
    vi.stubGlobal("BroadcastChannel", undefined);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("P1: callers that need a token at the same time share one refresh", async () => {
    const fetch = vi.fn(async () => granted("token-1"));
    vi.stubGlobal("fetch", fetch);
    const tab = await openTab();
    const tokens = await Promise.all([tab.accessToken(), tab.accessToken(), tab.restore()]);
    expect(tokens.slice(0, 2)).toEqual(["token-1", "token-1"]);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]).toMatchObject(["/api/auth/refresh", { method: "POST" }]);
    expect(tab.authState()).toEqual({ status: "signed-in", teacher });
  });

  it("P1: a refused refresh means signed out, and nothing is retried", async () => {
    const fetch = vi.fn(async () => refused("invalid-refresh-token"));
    vi.stubGlobal("fetch", fetch);
    const tab = await openTab();
    expect(await tab.accessToken()).toBeNull();
    expect(tab.authState()).toEqual({ status: "signed-out" });
  });

  it("P1: an unreachable server is not mistaken for being signed out", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Promise.reject(new TypeError("offline"))),
    );
    const tab = await openTab();
    await tab.restore();
    expect(tab.authState()).toEqual({ status: "offline" });
  });

  it("P1: an endpoint that says the token expired gets one fresh token and one retry", async () => {
    const answers = [
      granted("old"),
      refused("expired-token"),
      granted("new"),
      new Response("{}", { status: 200 }),
    ];
    const fetch = vi.fn(async (_url: string, _init?: RequestInit) => answers.shift()!);
    vi.stubGlobal("fetch", fetch);
    const tab = await openTab();
    await tab.restore();
    const response = await tab.teacherFetch("/api/sessions");
    expect(response.status).toBe(200);
    const sent = fetch.mock.calls.map(([url, init]) => [
      url,
      (init?.headers as Record<string, string> | undefined)?.authorization ?? null,
    ]);
    expect(sent).toEqual([
      ["/api/auth/refresh", null],
      ["/api/sessions", "Bearer old"],
      ["/api/auth/refresh", null],
      ["/api/sessions", "Bearer new"],
    ]);
  });

  it("P1: a second tab takes the first tab's fresh token instead of refreshing again", async () => {
    vi.unstubAllGlobals();
    const fetch = vi.fn(async () => granted("shared"));
    vi.stubGlobal("fetch", fetch);
    const first = await openTab();
    expect(await first.accessToken()).toBe("shared");
    const second = await openTab();
    expect(await second.accessToken()).toBe("shared");
    // Rotating the cookie twice would look like a stolen refresh token (docs/api.md).
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
