import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hashPassword } from "./passwords.ts";
import { api, startTestServer, type TestServer } from "./testServer.ts";

const HOUR = 3_600_000;
const MINUTE = 60_000;
const ada = { email: "ada@example.org", password: "correct horse battery" };
const grace = { email: "grace@example.org", password: "nanoseconds are 30 cm" };

let test: TestServer;
const login = (body: unknown, options: { headers?: Record<string, string> } = {}) =>
  api(test.base, "POST", "/api/auth/login", { body, ...options });

beforeAll(async () => {
  test = await startTestServer({ config: { admin: ada } });
  // A second, ordinary teacher, created through the store as the teacher API will do.
  await test.store.teachers.create({
    email: grace.email,
    passwordHash: await hashPassword(grace.password),
    role: "teacher",
    createdAt: test.clock.now,
  });
});

afterAll(async () => {
  await test?.close();
});

beforeEach(() => {
  // Every test starts after the previous one's rate-limit windows and cool-downs have passed.
  test.clock.now += HOUR;
});

describe("POST /api/auth/login", () => {
  it("P1: answers an access token and the teacher, and sets the refresh cookie", async () => {
    const response = await login(ada);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      expiresIn: 600,
      teacher: { id: expect.any(String), email: "ada@example.org", role: "admin" },
    });
    expect(response.headers.get("cache-control")).toBe("no-store");
    const attributes = response.setCookie!.split(";").map((part) => part.trim());
    expect(attributes[0]).toMatch(/^quorum_refresh=[\w-]{43}$/);
    expect(attributes).toEqual(
      expect.arrayContaining(["Max-Age=2592000", "Path=/api/auth", "HttpOnly", "SameSite=Strict"]),
    );
    expect(attributes).not.toContain("Secure");
  });

  it("P1: the email is matched whatever its case and surrounding blanks", async () => {
    const response = await login({ email: "  ADA@example.ORG ", password: ada.password });
    expect(response.status).toBe(200);
    expect(response.body.teacher.email).toBe("ada@example.org");
  });

  it("P1: an unknown email and a wrong password get the very same answer", async () => {
    const unknown = await login({ email: "nobody@example.org", password: ada.password });
    const wrong = await login({ email: ada.email, password: "not the password" });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual({
      error: "invalid-credentials",
      message: "The email or the password is not correct.",
    });
    expect(wrong.body).toEqual(unknown.body);
    expect(unknown.refreshCookie).toBeUndefined();
    expect(wrong.refreshCookie).toBeUndefined();
  });

  it("P6: a malformed body is a 400 naming the field, and no sign-in", async () => {
    expect((await login({ email: ada.email })).body).toEqual({
      error: "invalid-request",
      message: "The password is missing.",
      field: "password",
    });
    expect((await login({ email: "ada", password: "x" })).body).toEqual({
      error: "invalid-request",
      message: "The email is not a valid email address.",
      field: "email",
    });
    expect((await login({ email: ada.email, password: 42 })).body).toMatchObject({
      message: "The password must be a string.",
    });
    expect((await login(["ada"])).body).toEqual({
      error: "invalid-request",
      message: "The request body must be a JSON object.",
    });
    expect((await login("{not json")).body).toEqual({
      error: "invalid-json",
      message: "The request body is not valid JSON.",
    });
    const plain = await login("email=ada", { headers: { "content-type": "text/plain" } });
    expect(plain.status).toBe(400);
  });

  it("P6: a body over 16 kB is refused with 413 before anything else", async () => {
    const response = await login({ email: ada.email, password: "x".repeat(17 * 1024) });
    expect(response.status).toBe(413);
    expect(response.body).toEqual({
      error: "body-too-large",
      message: "The request body can have at most 16 kB.",
    });
  });

  it("P6: more than 10 attempts a minute from one address get 429 with Retry-After", async () => {
    for (let i = 0; i < 10; i++) {
      // Spread over accounts, so that only the address limit applies.
      const response = await login({ email: `guess${i}@example.org`, password: "guess guess" });
      expect(response.status).toBe(401);
      test.clock.now += 1000;
    }
    const limited = await login(ada);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("50");
    expect(limited.body).toEqual({
      error: "rate-limited",
      message: "Too many attempts; try again in 50 seconds.",
    });
    test.clock.now += 50_000;
    expect((await login(ada)).status).toBe(200);
  });

  it("P6: 5 failures lock the account for 15 minutes, even with the right password", async () => {
    for (let i = 0; i < 5; i++) {
      expect((await login({ email: grace.email, password: `wrong password ${i}` })).status).toBe(
        401,
      );
    }
    const locked = await login(grace);
    expect(locked.status).toBe(429);
    expect(locked.headers.get("retry-after")).toBe("900");
    expect(locked.body.message).toBe("Too many attempts; try again in 15 minutes.");
    // Other accounts are not affected.
    expect((await login(ada)).status).toBe(200);

    test.clock.now += 15 * MINUTE - 1000;
    expect((await login(grace)).status).toBe(429);
    test.clock.now += 1000;
    expect((await login(grace)).status).toBe(200);
  });

  it("P6: an unknown email is locked alike, so a lock-out reveals nothing", async () => {
    for (let i = 0; i < 5; i++) {
      await login({ email: "nobody@example.org", password: `wrong password ${i}` });
    }
    expect((await login({ email: "nobody@example.org", password: "x" })).status).toBe(429);
  });

  it("P6: a successful sign-in forgets earlier failures", async () => {
    for (let i = 0; i < 4; i++) await login({ email: grace.email, password: `wrong ${i}` });
    expect((await login(grace)).status).toBe(200);
    for (let i = 0; i < 4; i++) await login({ email: grace.email, password: `wrong ${i}` });
    expect((await login(grace)).status).toBe(200);
  });
});

describe("behind PUBLIC_URL", () => {
  it("P1: the refresh cookie is Secure when PUBLIC_URL is https, and its origin is accepted", async () => {
    const secure = await startTestServer({
      config: { admin: ada, publicUrl: "https://quorum.example.org" },
    });
    try {
      // A reverse proxy forwards the page's Origin while the Host it sends is its own.
      const response = await api(secure.base, "POST", "/api/auth/login", {
        body: ada,
        headers: { origin: "https://quorum.example.org" },
      });
      expect(response.status).toBe(200);
      expect(response.setCookie!.split(";").map((part) => part.trim())).toContain("Secure");
    } finally {
      await secure.close();
    }
  });
});
