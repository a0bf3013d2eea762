import { afterEach, describe, expect, it } from "vitest";
import { SqliteStore } from "../store/sqlite.ts";
import { api, startTestServer, type TestServer } from "./testServer.ts";

const MINUTE = 60_000;
const account = { email: "Ada@Example.org", password: "correct horse battery" };

let running: TestServer[] = [];
async function boot(...args: Parameters<typeof startTestServer>) {
  const server = await startTestServer(...args);
  running.push(server);
  return server;
}

afterEach(async () => {
  for (const server of running) await server.close();
  running = [];
});

function setupToken(test: TestServer): string {
  const url = test.server.setupUrl;
  if (url === undefined) throw new Error("no setup URL");
  return new URL(url).searchParams.get("token")!;
}

describe("POST /api/auth/setup", () => {
  it("P1: with no teacher, the server offers a one-time setup URL on its own address", async () => {
    const test = await boot();
    expect(test.server.setupUrl).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:${test.server.port}/setup\\?token=[\\w-]{43}$`),
    );
  });

  it("P1: the setup URL uses PUBLIC_URL when it is set", async () => {
    const test = await boot({ config: { publicUrl: "https://quorum.example.org/school" } });
    expect(test.server.setupUrl).toMatch(/^https:\/\/quorum\.example\.org\/school\/setup\?token=/);
  });

  it("P1: creates the admin with the right token, signs in, and spends the token", async () => {
    const test = await boot();
    const token = setupToken(test);
    const created = await api(test.base, "POST", "/api/auth/setup", {
      body: { token, ...account },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      accessToken: expect.any(String),
      expiresIn: 600,
      teacher: { id: expect.any(String), email: "ada@example.org", role: "admin" },
    });
    expect(created.refreshCookie).toMatch(/^[\w-]{43}$/);
    expect(test.server.setupUrl).toBeUndefined();

    const me = await api(test.base, "GET", "/api/me", { token: created.body.accessToken });
    expect(me.body).toEqual({ teacher: created.body.teacher });

    const again = await api(test.base, "POST", "/api/auth/setup", {
      body: { token, email: "mallory@example.org", password: "another long password" },
    });
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ error: "already-set-up", message: expect.stringMatching(/\.$/) });
    expect(await test.store.teachers.count()).toBe(1);
  });

  it("P1: a wrong token is refused and leaves the right one usable", async () => {
    const test = await boot();
    const wrong = await api(test.base, "POST", "/api/auth/setup", {
      body: { token: "x".repeat(43), ...account },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe("invalid-setup-token");
    expect(wrong.refreshCookie).toBeUndefined();
    expect(await test.store.teachers.count()).toBe(0);

    const right = await api(test.base, "POST", "/api/auth/setup", {
      body: { token: setupToken(test), ...account },
    });
    expect(right.status).toBe(201);
  });

  it("P6: a weak password or a malformed body is a 400 that does not spend the token", async () => {
    const test = await boot();
    const token = setupToken(test);
    const weak = await api(test.base, "POST", "/api/auth/setup", {
      body: { token, email: "ada@example.org", password: "too short" },
    });
    expect(weak.status).toBe(400);
    expect(weak.body).toEqual({
      error: "invalid-request",
      message: "The password must have at least 10 characters.",
      field: "password",
    });
    for (const body of [{ token, password: account.password }, [], {}, { ...account, token: 5 }]) {
      const refused = await api(test.base, "POST", "/api/auth/setup", { body });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ error: "invalid-request", message: expect.any(String) });
    }
    expect(test.server.setupUrl).toBeDefined();
    const right = await api(test.base, "POST", "/api/auth/setup", { body: { token, ...account } });
    expect(right.status).toBe(201);
  });

  it("P6: setup attempts are rate-limited per address", async () => {
    const test = await boot();
    const wrong = { token: "wrong", ...account };
    for (let i = 0; i < 10; i++) {
      expect((await api(test.base, "POST", "/api/auth/setup", { body: wrong })).status).toBe(401);
    }
    const limited = await api(test.base, "POST", "/api/auth/setup", {
      body: { token: setupToken(test), ...account },
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("60");
    expect(limited.body).toEqual({
      error: "rate-limited",
      message: "Too many attempts; try again in 60 seconds.",
    });

    test.clock.now += MINUTE;
    const later = await api(test.base, "POST", "/api/auth/setup", {
      body: { token: setupToken(test), ...account },
    });
    expect(later.status).toBe(201);
  });
});

describe("admin from the environment", () => {
  it("P1: QUORUM_ADMIN_EMAIL/PASSWORD create the admin at start, and no setup URL is offered", async () => {
    const test = await boot({
      config: { admin: { email: "ada@example.org", password: "correct horse battery" } },
    });
    expect(test.server.setupUrl).toBeUndefined();
    const login = await api(test.base, "POST", "/api/auth/login", {
      body: { email: "ada@example.org", password: "correct horse battery" },
    });
    expect(login.status).toBe(200);
    expect(login.body.teacher.role).toBe("admin");
  });

  it("P1: a restart with another admin password does not overwrite the account", async () => {
    const store = SqliteStore.open(":memory:");
    try {
      const admin = { email: "ada@example.org", password: "correct horse battery" };
      const first = await boot({ store, config: { admin } });
      await first.close();
      running = running.filter((server) => server !== first);

      const second = await boot({
        store,
        config: { admin: { ...admin, password: "a new password!" } },
      });
      const login = (password: string) =>
        api(second.base, "POST", "/api/auth/login", { body: { email: admin.email, password } });
      expect((await login("a new password!")).status).toBe(401);
      expect((await login("correct horse battery")).status).toBe(200);
      expect(await store.teachers.count()).toBe(1);
    } finally {
      for (const server of running) await server.close();
      running = [];
      await store.close();
    }
  });
});
