import { EventEmitter } from "node:events";
import type { Client } from "@colyseus/core";
import { MAX_MESSAGE_BYTES, MAX_MESSAGES_PER_SECOND } from "@quorum/shared";
import { describe, expect, it } from "vitest";
import { MessageGuard } from "./guard.ts";

function fakeClient(): { client: Client; frame(bytes: number): void } {
  const ref = new EventEmitter();
  return {
    client: { ref } as unknown as Client,
    frame: (bytes) => ref.emit("message", Buffer.alloc(bytes)),
  };
}

describe("MessageGuard", () => {
  it("P6: a burst beyond the rate gets one rate-limited answer, then silence until it slows", () => {
    const clock = { now: 0 };
    const guard = new MessageGuard(() => clock.now);
    const { client } = fakeClient();
    const answers = Array.from({ length: MAX_MESSAGES_PER_SECOND + 5 }, () => guard.admit(client));
    expect(answers.filter((answer) => answer === "ok")).toHaveLength(MAX_MESSAGES_PER_SECOND);
    expect(answers.slice(MAX_MESSAGES_PER_SECOND)).toEqual([
      "rate-limited",
      "silent",
      "silent",
      "silent",
      "silent",
    ]);
    clock.now += 1000 / MAX_MESSAGES_PER_SECOND;
    expect(guard.admit(client)).toBe("ok");
    expect(guard.admit(client)).toBe("rate-limited");
  });

  it("P6: a frame above MAX_MESSAGE_BYTES is too large; clients are counted apart", () => {
    const guard = new MessageGuard(() => 0);
    const big = fakeClient();
    const small = fakeClient();
    guard.watch(big.client);
    guard.watch(small.client);
    big.frame(MAX_MESSAGE_BYTES + 1);
    small.frame(MAX_MESSAGE_BYTES);
    expect(guard.admit(big.client)).toBe("too-large");
    expect(guard.admit(small.client)).toBe("ok");
    big.frame(10);
    expect(guard.admit(big.client)).toBe("ok");
  });
});
