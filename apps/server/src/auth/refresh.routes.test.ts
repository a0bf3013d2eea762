import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { REFRESH_TOKEN_TTL_MS } from "./refreshTokens.ts";
import { api, startTestServer, type TestServer } from "./testServer.ts";
import { ACCESS_TOKEN_TTL_MS, signAccessToken } from "./tokens.ts";

const HOUR = 3_600_000;
const ada = { email: "ada@example.org", password: "correct horse battery" };

let test: TestServer;

beforeAll(async () => {
  test = await startTestServer({ config: { admin: ada } });
});

afterAll(async () => {
  await test?.close();
});

beforeEach(() => {
  test.clock.now += HOUR;
});

async function signIn() {
  const response = await api(test.base, "POST", "/api/auth/login", { body: ada });
  expect(response.status).toBe(200);
  return { accessToken: response.body.accessToken as string, cookie: response.refreshCookie! };
}

const refresh = (cookie?: string) => api(test.base, "POST", "/api/auth/refresh", { cookie });
const me = (token?: string) => api(test.base, "GET", "/api/me", { token });

describe("POST /api/auth/refresh", () => {
  it("P1: exchanges the cookie for a new access token and a rotated cookie", async () => {
    const { cookie } = await signIn();
    test.clock.now += ACCESS_TOKEN_TTL_MS; // the access token has expired meanwhile
    const refreshed = await refresh(cookie);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toEqual({
      accessToken: expect.any(String),
      expiresIn: 600,
      teacher: { id: expect.any(String), email: ada.email, role: "admin" },
    });
    expect(refreshed.refreshCookie).toMatch(/^[\w-]{43}$/);
    expect(refreshed.refreshCookie).not.toBe(cookie);
    expect((await me(refreshed.body.accessToken)).status).toBe(200);
    // The rotated cookie works in turn.
    expect((await refresh(refreshed.refreshCookie)).status).toBe(200);
  });

  it("P1: a reused refresh token fails and revokes the family: the newer token stops working too", async () => {
    const { cookie: stolen } = await signIn();
    const owner = await refresh(stolen);
    expect(owner.status).toBe(200);

    const thief = await refresh(stolen);
    expect(thief.status).toBe(401);
    expect(thief.body).toEqual({
      error: "invalid-refresh-token",
      message: "You are not signed in any more; sign in again.",
    });
    expect(thief.refreshCookie).toBe(""); // cleared

    expect((await refresh(owner.refreshCookie)).status).toBe(401);
    // A fresh sign-in is a new family and works.
    expect((await refresh((await signIn()).cookie)).status).toBe(200);
  });

  it("P1: fails without a cookie, with an unknown one, and with an expired one", async () => {
    expect((await refresh()).status).toBe(401);
    expect((await refresh(randomBytes(32).toString("base64url"))).status).toBe(401);
    const { cookie } = await signIn();
    test.clock.now += REFRESH_TOKEN_TTL_MS;
    expect((await refresh(cookie)).status).toBe(401);
  });
});

describe("cross-origin requests", () => {
  it("P1: a page from another origin cannot use the refresh cookie", async () => {
    const { cookie } = await signIn();
    for (const origin of ["http://evil.example", `http://127.0.0.1:1`, "null"]) {
      const refused = await api(test.base, "POST", "/api/auth/refresh", {
        cookie,
        headers: { origin },
      });
      expect(refused.status).toBe(403);
      expect(refused.body).toEqual({
        error: "cross-origin",
        message: "Requests from other sites are refused.",
      });
      expect(refused.refreshCookie).toBeUndefined();
    }
    // Untouched by the refused attempts, and fine from the server's own origin.
    const sameOrigin = await api(test.base, "POST", "/api/auth/refresh", {
      cookie,
      headers: { origin: test.base },
    });
    expect(sameOrigin.status).toBe(200);
  });

  it("P1: sign-in and sign-out from another origin are refused too", async () => {
    const headers = { origin: "http://evil.example" };
    expect((await api(test.base, "POST", "/api/auth/login", { body: ada, headers })).status).toBe(
      403,
    );
    expect((await api(test.base, "POST", "/api/auth/logout", { headers })).status).toBe(403);
  });
});

describe("POST /api/auth/logout", () => {
  it("P1: revokes the sign-in and clears the cookie", async () => {
    const { cookie } = await signIn();
    const rotated = (await refresh(cookie)).refreshCookie;
    const loggedOut = await api(test.base, "POST", "/api/auth/logout", { cookie: rotated });
    expect(loggedOut.status).toBe(204);
    expect(loggedOut.setCookie).toMatch(/^quorum_refresh=;.*Path=\/api\/auth/);
    expect((await refresh(rotated)).status).toBe(401);
  });

  it("P1: without a cookie still answers 204", async () => {
    expect((await api(test.base, "POST", "/api/auth/logout")).status).toBe(204);
  });
});

describe("GET /api/me", () => {
  it("P1: answers the signed-in teacher", async () => {
    const { accessToken } = await signIn();
    const response = await me(accessToken);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      teacher: { id: expect.any(String), email: ada.email, role: "admin" },
    });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("P6: without a token, 401 missing-token with a Bearer challenge", async () => {
    const response = await me();
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe('Bearer realm="quorum"');
    expect(response.body).toEqual({
      error: "missing-token",
      message: "Sign in as a teacher to do this.",
    });
    const notBearer = await api(test.base, "GET", "/api/me", {
      headers: { authorization: "Basic YWRhOng=" },
    });
    expect(notBearer.body.error).toBe("missing-token");
  });

  it("P6: a forged token, or one signed with another secret, is 401 invalid-token", async () => {
    const { accessToken } = await signIn();
    const [header, payload, signature] = accessToken.split(".") as [string, string, string];
    const forged = `${header}.${payload}.${signature.startsWith("A") ? "B" : "A"}${signature.slice(1)}`;
    const otherSecret = await signAccessToken(
      { secret: randomBytes(32), now: () => test.clock.now },
      { id: "someone", role: "admin" },
    );
    for (const token of [forged, otherSecret, "garbage"]) {
      const response = await me(token);
      expect(response.status).toBe(401);
      expect(response.body.error).toBe("invalid-token");
      expect(response.headers.get("www-authenticate")).toContain('error="invalid_token"');
    }
  });

  it("P6: an expired token is 401 expired-token, so the client knows to refresh", async () => {
    const { accessToken } = await signIn();
    test.clock.now += ACCESS_TOKEN_TTL_MS;
    const response = await me(accessToken);
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      error: "expired-token",
      message: "The access token has expired; refresh it and try again.",
    });
  });

  it("P6: a player token or a token for a teacher who does not exist is refused", async () => {
    const playerToken = await test.server.tokens.signPlayerToken({ id: "p", sessionId: "s" });
    const ghost = await test.server.tokens.signAccessToken({
      id: "no-such-teacher",
      role: "admin",
    });
    for (const token of [playerToken, ghost]) {
      expect((await me(token)).body.error).toBe("invalid-token");
    }
  });
});
