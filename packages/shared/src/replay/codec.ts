import { gunzipSync, gzipSync, strFromU8, strToU8 } from "fflate";
import * as v from "valibot";
import { REPLAY_FORMAT, type ReplayLog } from "./log.ts";
import type { Result } from "./replayer.ts";

/**
 * The `.quorum-replay` file: gzip of JSON. Inputs are stored as `[Δt, Δseq, actor, action]`
 * tuples — the tick and the receipt number as steps from the previous input, which are mostly
 * 0 or 1 and compress to almost nothing (a 10-minute class round: 161 KB → about 85 KB).
 */
const fileSchema = v.object({
  format: v.literal(REPLAY_FORMAT),
  version: v.number(),
  engineVersion: v.number(),
  mode: v.string(),
  config: v.unknown(),
  seed: v.number(),
  roster: v.array(v.object({ name: v.string(), bot: v.nullable(v.string()) })),
  inputs: v.array(
    v.tuple([
      v.pipe(v.number(), v.integer(), v.minValue(0)),
      v.pipe(v.number(), v.integer()),
      // Any number: an input from a node that does not exist is logged, and refused again on replay.
      v.union([v.literal("host"), v.number()]),
      v.unknown(),
    ]),
  ),
  checkpoints: v.array(v.object({ t: v.number(), hash: v.string() })),
  endTick: v.pipe(v.number(), v.integer(), v.minValue(0)),
  summary: v.nullable(v.object({ class: v.unknown(), baseline: v.unknown() })),
});

export function encodeReplay(log: ReplayLog): Uint8Array {
  let t = 0;
  let seq = 0;
  const inputs = log.inputs.map((input) => {
    const tuple = [input.t - t, input.seq - seq, input.actor, input.action];
    t = input.t;
    seq = input.seq;
    return tuple;
  });
  const file = { ...log, inputs };
  // mtime 0: the same log always gives the same bytes.
  return gzipSync(strToU8(JSON.stringify(file)), { level: 9, mtime: 0 });
}

export function decodeReplay(bytes: Uint8Array): Result<ReplayLog> {
  let text: string;
  try {
    text = strFromU8(gunzipSync(bytes));
  } catch (error) {
    return {
      ok: false,
      problem: { code: "replay.corrupt", detail: `not a complete gzip file (${String(error)})` },
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: { code: "replay.corrupt", detail: "not JSON" } };
  }
  if (
    typeof json !== "object" ||
    json === null ||
    (json as { format?: unknown }).format !== REPLAY_FORMAT
  ) {
    return { ok: false, problem: { code: "replay.not-a-replay" } };
  }
  const parsed = v.safeParse(fileSchema, json);
  if (!parsed.success) {
    const issue = parsed.issues[0]!;
    return {
      ok: false,
      problem: {
        code: "replay.corrupt",
        detail: `${v.getDotPath(issue) ?? "file"}: ${issue.message}`,
      },
    };
  }
  const file = parsed.output;
  return {
    ok: true,
    value: {
      ...file,
      format: REPLAY_FORMAT,
      inputs: undelta(file.inputs),
    },
  };
}

function undelta(tuples: readonly [number, number, number | "host", unknown][]) {
  let t = 0;
  let seq = 0;
  return tuples.map(([dt, dseq, actor, action]) => {
    t += dt;
    seq += dseq;
    return { t, seq, actor, action };
  });
}
