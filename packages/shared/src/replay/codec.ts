import { gunzipSync, gzipSync, strFromU8, strToU8 } from "fflate";
import * as v from "valibot";
import { REPLAY_FORMAT, type ReplayLog } from "./log.ts";
import type { Result } from "./replayer.ts";

/**
 * The `.quorum-replay` file: gzip of JSON. Inputs are stored as `[t, seq, actor, action]` tuples
 * (half the size of objects before compression; the same after is not true of gzip alone).
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
      v.pipe(v.number(), v.integer(), v.minValue(1)),
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
  const file = {
    ...log,
    inputs: log.inputs.map((input) => [input.t, input.seq, input.actor, input.action]),
  };
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
      inputs: file.inputs.map(([t, seq, actor, action]) => ({ t, seq, actor, action })),
    },
  };
}
