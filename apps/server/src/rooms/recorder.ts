import { type Recording, stateHash } from "@quorum/shared";
import type { Logger } from "pino";
import type { LogChunk, RoundPlayer, Store } from "../store/types.ts";

/** S2: a running round's log reaches the store at least this often. @default 1000 (ms) */
export const FLUSH_EVERY_MS = 1000;

/**
 * S2: the server's round recordings, and the writes they have in flight, so that the server
 * can wait for them before it closes the store.
 */
export class RoundRecords {
  readonly store: Store;
  readonly logger: Logger;
  readonly #writes = new Set<Promise<unknown>>();

  constructor(store: Store, logger: Logger) {
    this.store = store;
    this.logger = logger;
  }

  /** Stores a round that has just been built (tick 0), numbered in its session. */
  start(
    sessionId: string,
    recording: Recording,
    players: RoundPlayer[],
    at: number,
  ): RoundRecorder {
    return new RoundRecorder(this, sessionId, recording, players, at);
  }

  /** Resolves once every write started so far has settled. */
  async settled(): Promise<void> {
    while (this.#writes.size > 0) await Promise.allSettled([...this.#writes]);
  }

  track(write: Promise<unknown>): void {
    this.#writes.add(write);
    void write.finally(() => this.#writes.delete(write));
  }
}

type Write = (roundId: string, chunk: LogChunk) => Promise<boolean>;

/** How much of the recording the store has: counts of inputs and checkpoints, and the tick. */
interface Written {
  inputs: number;
  checkpoints: number;
  tick: number;
}

/**
 * S2: one round's log on its way to the store. Writes go one after the other; each takes what
 * was recorded since the last successful one (a failed write is retried by the next), captured
 * between two ticks, so the stored log always ends at a tick with that tick's state hash.
 */
export class RoundRecorder {
  readonly #records: RoundRecords;
  readonly #recording: Recording;
  readonly #roundId: Promise<string | undefined>;
  #queue: Promise<void>;
  #flushQueued = false;
  #closed = false;
  #written: Written = { inputs: 0, checkpoints: 0, tick: -1 };

  constructor(
    records: RoundRecords,
    sessionId: string,
    recording: Recording,
    players: RoundPlayer[],
    at: number,
  ) {
    this.#records = records;
    this.#recording = recording;
    const { log } = recording;
    const { version, engineVersion, mode, config, seed, roster } = log;
    const started = records.store.rounds.start({
      sessionId,
      header: { version, engineVersion, mode, config, seed, roster },
      players,
      startedAt: at,
      startHash: log.checkpoints[0]!.hash,
    });
    this.#roundId = started.then(
      (result) => {
        if (result.ok) return result.value.id;
        records.logger.warn({ sessionId }, "round not recorded: its session is gone");
        return undefined;
      },
      (error: unknown) => {
        records.logger.error({ err: error, sessionId }, "round not recorded");
        return undefined;
      },
    );
    this.#queue = this.#roundId.then(() => {});
    records.track(this.#queue);
  }

  /** The round's id in the store, once it is stored; undefined when that failed. */
  get roundId(): Promise<string | undefined> {
    return this.#roundId;
  }

  /** S2: writes what was recorded since the last write, unless a write is waiting already. */
  flush(at: number): void {
    if (this.#closed || this.#flushQueued) return;
    this.#flushQueued = true;
    void this.#enqueue((roundId, chunk) =>
      this.#records.store.rounds.append(roundId, chunk, at),
    ).finally(() => {
      this.#flushQueued = false;
    });
  }

  /** The last write: the round's end (the log is closed), its summary and its scores. */
  finish(players: RoundPlayer[], at: number): Promise<void> {
    return this.#close((roundId, chunk) => {
      const summary = this.#recording.log.summary;
      if (summary === null) throw new Error("finish() before the recording was finished");
      return this.#records.store.rounds.finish(roundId, chunk, { summary, players }, at);
    });
  }

  /** The last write of a round its server stops playing before its end. */
  interrupt(at: number): Promise<void> {
    return this.#close((roundId, chunk) =>
      this.#records.store.rounds.interrupt(roundId, chunk, at),
    );
  }

  #close(write: Write): Promise<void> {
    if (this.#closed) return this.#queue;
    this.#closed = true;
    return this.#enqueue(write, true);
  }

  /**
   * Queues `write` of the chunk recorded since the last write, taken when the write's turn
   * comes. Without `always`, nothing is written when nothing was recorded.
   */
  #enqueue(write: Write, always = false): Promise<void> {
    const { logger } = this.#records;
    // Never rejects: a failure is logged, and the queue goes on for the next write.
    this.#queue = this.#queue.then(async () => {
      const roundId = await this.#roundId;
      if (roundId === undefined) return;
      try {
        const taken = this.#take();
        if (taken === undefined && !always) return;
        if (await write(roundId, taken?.chunk ?? this.#emptyChunk())) {
          if (taken) this.#written = taken.written;
        } else {
          this.#closed = true;
          logger.warn({ roundId }, "round no longer recorded: it is not running in the store");
        }
      } catch (error) {
        logger.error({ err: error, roundId }, "round log write failed; the next write retries");
      }
    });
    this.#records.track(this.#queue);
    return this.#queue;
  }

  /** What was recorded since the last write; undefined when nothing was. */
  #take(): { chunk: LogChunk; written: Written } | undefined {
    const { round, log } = this.#recording;
    const written = {
      inputs: log.inputs.length,
      checkpoints: log.checkpoints.length,
      tick: round.tick,
    };
    const previous = this.#written;
    if (
      written.inputs === previous.inputs &&
      written.checkpoints === previous.checkpoints &&
      written.tick === previous.tick
    ) {
      return undefined;
    }
    return {
      chunk: {
        inputs: log.inputs.slice(previous.inputs),
        checkpoints: log.checkpoints.slice(previous.checkpoints),
        tick: round.tick,
        hash: stateHash(round),
      },
      written,
    };
  }

  #emptyChunk(): LogChunk {
    const { round } = this.#recording;
    return { inputs: [], checkpoints: [], tick: round.tick, hash: stateHash(round) };
  }
}
