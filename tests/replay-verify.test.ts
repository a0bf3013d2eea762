import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { encodeReplay } from "@quorum/shared";
import { describe, expect, it } from "vitest";
import { recordMixedRound } from "./browser-determinism/mixedRound.ts";

const script = new URL("../scripts/replay-verify.ts", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "quorum-replay-verify-"));

function verifyFile(name: string, bytes: Uint8Array) {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return spawnSync(process.execPath, [script, file], { encoding: "utf8" });
}

describe("pnpm replay:verify", () => {
  const { log } = recordMixedRound();

  it("D6: exits 0 for a log that re-simulates to its checkpoints", () => {
    const run = verifyFile("good.quorum-replay", encodeReplay(log));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("replays exactly");
  });

  it("D6: exits 1 naming the first divergent tick of a tampered log", () => {
    const tampered = structuredClone(log);
    const index = tampered.inputs.findIndex((input) => input.actor === "host");
    tampered.inputs[index] = { ...tampered.inputs[index]!, action: { type: "heal-all" } };
    const run = verifyFile("tampered.quorum-replay", encodeReplay(tampered));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/diverged at tick \d+/);
  });

  it("D6: exits 1 with a clear message for a truncated file", () => {
    const bytes = encodeReplay(log);
    const run = verifyFile("truncated.quorum-replay", bytes.slice(0, bytes.length >> 1));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("damaged or truncated");
  });
});
