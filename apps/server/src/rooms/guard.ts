import type { Client } from "@colyseus/core";
import { MAX_MESSAGE_BYTES, MAX_MESSAGES_PER_SECOND, type ProtocolErrorCode } from "@quorum/shared";

/**
 * P6: the largest WebSocket frame the transport reads at all. A frame above MAX_MESSAGE_BYTES
 * but within this gets a typed `too-large` error; a larger one makes the transport close the
 * connection (1009) before anything decodes it.
 */
export const MAX_FRAME_BYTES = 2 * MAX_MESSAGE_BYTES;

/**
 * P6: a client sending faster than this is disconnected by Colyseus itself (its own
 * `maxMessagesPerSecond`), well above the rate at which it already gets `rate-limited` answers.
 */
export const DISCONNECT_MESSAGES_PER_SECOND = 5 * MAX_MESSAGES_PER_SECOND;

interface Bucket {
  tokens: number;
  refilledAt: number;
  /** A `rate-limited` answer went out since the last accepted message: stay quiet. */
  warned: boolean;
}

/** What to do with a message before looking at its content. */
export type Admission = "ok" | "silent" | Exclude<ProtocolErrorCode, "malformed">;

/**
 * P6: per-client checks every message passes first: a token bucket of MAX_MESSAGES_PER_SECOND
 * (burst of as many) and the frame size. A flood gets one `rate-limited` answer, then silence
 * until the client slows down, so refusing costs the server little.
 */
export class MessageGuard {
  readonly #frames = new WeakMap<Client, number>();
  readonly #buckets = new WeakMap<Client, Bucket>();
  readonly #now: () => number;

  constructor(now: () => number) {
    this.#now = now;
  }

  /**
   * Measures every frame `client` sends. Call from onJoin/onReconnect: Colyseus adds its own
   * message listener after those, so this one runs first and the handler can read the size.
   */
  watch(client: Client): void {
    client.ref.on("message", (data: unknown) => {
      this.#frames.set(client, byteLength(data));
    });
  }

  admit(client: Client): Admission {
    const now = this.#now();
    let bucket = this.#buckets.get(client);
    if (bucket === undefined) {
      bucket = { tokens: MAX_MESSAGES_PER_SECOND, refilledAt: now, warned: false };
      this.#buckets.set(client, bucket);
    }
    const refill = ((now - bucket.refilledAt) / 1000) * MAX_MESSAGES_PER_SECOND;
    bucket.tokens = Math.min(MAX_MESSAGES_PER_SECOND, bucket.tokens + refill);
    bucket.refilledAt = now;
    if (bucket.tokens < 1) {
      if (bucket.warned) return "silent";
      bucket.warned = true;
      return "rate-limited";
    }
    bucket.tokens -= 1;
    bucket.warned = false;
    return (this.#frames.get(client) ?? 0) > MAX_MESSAGE_BYTES ? "too-large" : "ok";
  }
}

function byteLength(data: unknown): number {
  if (data instanceof ArrayBuffer) return data.byteLength;
  if (ArrayBuffer.isView(data)) return data.byteLength;
  if (Array.isArray(data)) return data.reduce((sum: number, part) => sum + byteLength(part), 0);
  return 0;
}
