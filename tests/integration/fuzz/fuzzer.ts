/** A client under test that fires shots and keeps the ledger of what it is owed. */
import type { RngState } from "@quorum/shared";
import { type Connection, until } from "../harness.ts";
import { MALFORMED, type Shot, send } from "./shots.ts";

export class Fuzzer {
  readonly name: string;
  readonly conn: Connection;
  /** Its own random source, forked from the test's seed. */
  readonly rng: RngState;
  readonly shots: Shot[] = [];
  #settled = 0;
  #sentinels = 0;
  #seq = 0;

  constructor(name: string, conn: Connection, rng: RngState) {
    this.name = name;
    this.conn = conn;
    this.rng = rng;
  }

  /** The number of its next act (D3: a rejection names it). */
  nextSeq(): number {
    return ++this.#seq;
  }

  fire(shot: Shot): void {
    this.shots.push(shot);
    const reply = shot.fire(this.conn.room);
    reply?.then(
      () => this.#settled++,
      () => this.#settled++,
    );
  }

  /** Requests whose reply (or failure) came back. */
  get settledRequests(): number {
    return this.#settled;
  }

  /**
   * Sends a message whose answer is known and waits for it: every message sent before it has
   * been read by then (one socket, in order), so every typed error it was owed has come.
   */
  async drain(): Promise<void> {
    const type = `sentinel-${this.name}-${this.#sentinels++}`;
    this.fire({ what: type, answer: MALFORMED, fire: send(type, 0) });
    await this.conn.next("error", (error) => String(error.message).includes(`"${type}"`));
  }

  /** The typed errors owed, in the order the messages were sent: `code#seq`. */
  owedErrors(): string[] {
    return this.shots.flatMap(({ answer }) =>
      answer.kind === "error" ? [`${answer.code}#${answer.seq ?? "-"}`] : [],
    );
  }

  receivedErrors(): string[] {
    return this.conn.messages("error").map((error) => `${error.code}#${error.seq ?? "-"}`);
  }

  /** What reached the engine, in order: the inputs the log must hold for this sender. */
  engineInputs(): unknown[] {
    return this.shots.flatMap(({ answer }) => (answer.kind === "engine" ? [answer.input] : []));
  }

  /** The numbers of its acts that reached the engine. */
  engineSeqs(): number[] {
    return this.shots.flatMap(({ answer }) => (answer.kind === "engine" ? [answer.seq] : []));
  }

  requests(): number {
    return this.shots.filter((shot) => shot.request).length;
  }

  /** The last `count` shots, for a failure message. */
  recent(count = 30): string {
    return this.shots
      .slice(-count)
      .map((shot) => `  ${shot.what}`)
      .join("\n");
  }
}

/**
 * `rounds` times, every `everyMs`: each fuzzer whose connection is open fires `next()` (if it
 * has something to send).
 */
export async function volley(
  fuzzers: { fuzzer: Fuzzer; next(): Shot | undefined }[],
  everyMs: number,
  rounds: number,
): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    for (const { fuzzer, next } of fuzzers) {
      if (!fuzzer.conn.room.connection.isOpen) continue;
      const shot = next();
      if (shot) fuzzer.fire(shot);
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Waits until every fuzzer's requests have been answered. */
export async function repliesIn(fuzzers: Fuzzer[]): Promise<void> {
  await until(
    () => fuzzers.every((fuzzer) => fuzzer.settledRequests === fuzzer.requests()),
    "every request's reply",
  );
}
