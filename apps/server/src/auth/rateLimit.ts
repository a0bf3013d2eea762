/**
 * P6: an in-memory sliding-window rate limiter, keyed by whatever is being limited (an IP
 * address, an account). It lives in one process: with several server processes (S3) each
 * counts on its own, which loosens the limits by that factor but never blocks the innocent.
 */
export interface RateLimitOptions {
  /** Attempts allowed per key within `windowMs`. */
  limit: number;
  windowMs: number;
  /**
   * When set, the attempt that reaches `limit` starts a cool-down of this length during which
   * every attempt is refused, after which the key starts afresh. When unset, an attempt is
   * refused only until the oldest one in the window leaves it. @default undefined
   */
  cooldownMs?: number;
  /** Keys remembered at most; beyond that the least recently used is forgotten. @default 10_000 */
  maxKeys?: number;
  /** Milliseconds since the epoch. @default Date.now */
  now?: () => number;
}

export type RateLimitDecision = { ok: true } | { ok: false; retryAfterMs: number };

export interface RateLimiter {
  /** Counts an attempt for `key` when it is allowed; a refused attempt is not counted. */
  take(key: string): RateLimitDecision;
  /** Whether an attempt for `key` now would be allowed, without counting one. */
  peek(key: string): RateLimitDecision;
  /** Forgets `key`'s attempts and cool-down (after a successful sign-in, say). */
  reset(key: string): void;
}

interface KeyState {
  /** Times of the attempts still inside the window, oldest first. */
  attempts: number[];
  blockedUntil: number;
}

export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const { limit, windowMs, cooldownMs, maxKeys = 10_000, now = Date.now } = options;
  if (!(limit >= 1 && windowMs > 0)) throw new RangeError("limit and windowMs must be positive");
  const keys = new Map<string, KeyState>();

  function stateOf(key: string, time: number): KeyState {
    const state = keys.get(key) ?? { attempts: [], blockedUntil: 0 };
    // Re-inserting moves the key to the end of the Map's order: the front is least recently used.
    keys.delete(key);
    keys.set(key, state);
    if (keys.size > maxKeys) keys.delete(keys.keys().next().value!);
    while (state.attempts.length > 0 && state.attempts[0]! <= time - windowMs) {
      state.attempts.shift();
    }
    return state;
  }

  function decide(state: KeyState, time: number): RateLimitDecision {
    if (state.blockedUntil > time) return { ok: false, retryAfterMs: state.blockedUntil - time };
    if (state.attempts.length >= limit) {
      return { ok: false, retryAfterMs: state.attempts[0]! + windowMs - time };
    }
    return { ok: true };
  }

  return {
    peek(key) {
      const time = now();
      return decide(stateOf(key, time), time);
    },
    take(key) {
      const time = now();
      const state = stateOf(key, time);
      const decision = decide(state, time);
      if (!decision.ok) return decision;
      state.attempts.push(time);
      if (cooldownMs !== undefined && state.attempts.length >= limit) {
        state.blockedUntil = time + cooldownMs;
        state.attempts = [];
      }
      return { ok: true };
    },
    reset(key) {
      keys.delete(key);
    },
  };
}

/** The value of a Retry-After header: whole seconds, at least 1. */
export function retryAfterSeconds(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 1000));
}
