import { describe, expect, it } from "vitest";
import { createRateLimiter, retryAfterSeconds } from "./rateLimit.ts";

function limiterWithClock(options: {
  limit: number;
  windowMs: number;
  cooldownMs?: number;
  maxKeys?: number;
}) {
  const clock = { now: 1_000_000 };
  const limiter = createRateLimiter({ ...options, now: () => clock.now });
  return { clock, limiter };
}

describe("createRateLimiter", () => {
  it("P6: allows `limit` attempts in the window, then says when the next one is allowed", () => {
    const { clock, limiter } = limiterWithClock({ limit: 3, windowMs: 60_000 });
    expect(limiter.take("10.0.0.1")).toEqual({ ok: true });
    clock.now += 10_000;
    expect(limiter.take("10.0.0.1")).toEqual({ ok: true });
    expect(limiter.take("10.0.0.1")).toEqual({ ok: true });
    expect(limiter.take("10.0.0.1")).toEqual({ ok: false, retryAfterMs: 50_000 });
  });

  it("P6: the window slides: an attempt leaves it windowMs after it was made", () => {
    const { clock, limiter } = limiterWithClock({ limit: 2, windowMs: 60_000 });
    limiter.take("k");
    clock.now += 30_000;
    limiter.take("k");
    clock.now += 29_999;
    expect(limiter.take("k")).toEqual({ ok: false, retryAfterMs: 1 });
    clock.now += 1;
    expect(limiter.take("k")).toEqual({ ok: true });
    expect(limiter.take("k")).toEqual({ ok: false, retryAfterMs: 30_000 });
  });

  it("P6: refused attempts are not counted, so waiting is always enough", () => {
    const { clock, limiter } = limiterWithClock({ limit: 1, windowMs: 1000 });
    limiter.take("k");
    for (let i = 0; i < 100; i++) expect(limiter.take("k").ok).toBe(false);
    clock.now += 1000;
    expect(limiter.take("k").ok).toBe(true);
  });

  it("P6: counts every key on its own", () => {
    const { limiter } = limiterWithClock({ limit: 1, windowMs: 60_000 });
    expect(limiter.take("a").ok).toBe(true);
    expect(limiter.take("a").ok).toBe(false);
    expect(limiter.take("b").ok).toBe(true);
  });

  it("P6: with a cool-down, the attempt that reaches the limit blocks the key for that long", () => {
    const { clock, limiter } = limiterWithClock({
      limit: 5,
      windowMs: 900_000,
      cooldownMs: 900_000,
    });
    for (let i = 0; i < 5; i++) {
      expect(limiter.take("ada@example.org")).toEqual({ ok: true });
      clock.now += 1000;
    }
    expect(limiter.take("ada@example.org")).toEqual({ ok: false, retryAfterMs: 899_000 });
    clock.now += 898_999;
    expect(limiter.take("ada@example.org").ok).toBe(false);
    clock.now += 1;
    // After the cool-down the key starts afresh with `limit` attempts.
    for (let i = 0; i < 4; i++) expect(limiter.take("ada@example.org").ok).toBe(true);
  });

  it("P6: reset forgets a key's attempts and cool-down", () => {
    const { limiter } = limiterWithClock({ limit: 2, windowMs: 60_000, cooldownMs: 60_000 });
    limiter.take("k");
    limiter.take("k");
    expect(limiter.take("k").ok).toBe(false);
    limiter.reset("k");
    expect(limiter.take("k").ok).toBe(true);
  });

  it("P6: remembers at most maxKeys keys, forgetting the least recently used", () => {
    const { limiter } = limiterWithClock({ limit: 1, windowMs: 60_000, maxKeys: 2 });
    limiter.take("a");
    limiter.take("b");
    limiter.take("a"); // refused, and "a" is now the most recently used
    limiter.take("c"); // forgets "b"
    expect(limiter.take("a").ok).toBe(false);
    expect(limiter.take("b").ok).toBe(true);
  });

  it("P6: peek says what take would, without counting an attempt", () => {
    const { limiter } = limiterWithClock({ limit: 2, windowMs: 60_000 });
    for (let i = 0; i < 5; i++) expect(limiter.peek("a").ok).toBe(true);
    limiter.take("a");
    limiter.take("a");
    expect(limiter.peek("a")).toEqual({ ok: false, retryAfterMs: expect.any(Number) });
    expect(limiter.peek("b").ok).toBe(true);
  });

  it("refuses a limit or window that is not positive", () => {
    expect(() => createRateLimiter({ limit: 0, windowMs: 1000 })).toThrow(RangeError);
    expect(() => createRateLimiter({ limit: 1, windowMs: 0 })).toThrow(RangeError);
  });
});

describe("retryAfterSeconds", () => {
  it("P6: rounds up to whole seconds, at least one", () => {
    expect(retryAfterSeconds(1)).toBe(1);
    expect(retryAfterSeconds(1000)).toBe(1);
    expect(retryAfterSeconds(1001)).toBe(2);
    expect(retryAfterSeconds(0)).toBe(1);
  });
});
