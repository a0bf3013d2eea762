import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { Browser } from "@playwright/test";
import { CHECKPOINT_EVERY, encodeReplay, verify } from "@quorum/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Fingerprint } from "./browser-determinism/fingerprint.ts";
import { buildPage, launchChromium, servePage } from "./browser-determinism/harness.ts";
import {
  MIXED_TICKS,
  type MixedRound,
  recordMixedRound,
} from "./browser-determinism/mixedRound.ts";

// D1: the same log gives the same state, bit for bit, in another Node process and in a browser.
// D6: compared at every checkpoint hash the recorder wrote, not only at the end.

const run = promisify(execFile);
const replayInNode = fileURLToPath(
  new URL("./browser-determinism/replayInNode.ts", import.meta.url),
);

let recorded: MixedRound;
let bytes: Uint8Array;
let workDir: string;

/** What the recording process saw: its checkpoints and the state it ended in. */
function recorderFingerprint(): Fingerprint {
  return {
    endTick: recorded.log.endTick,
    finalHash: recorded.finalHash,
    checkpoints: recorded.log.checkpoints,
  };
}

beforeAll(async () => {
  recorded = recordMixedRound();
  bytes = encodeReplay(recorded.log);
  workDir = await mkdtemp(join(tmpdir(), "quorum-determinism-"));
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe("replay determinism", () => {
  it("D6: the recorder checkpoints every 50 ticks and its log verifies", () => {
    const { log } = recorded;
    expect(log.endTick).toBe(MIXED_TICKS);
    expect(log.checkpoints.map((checkpoint) => checkpoint.t)).toEqual(
      Array.from({ length: MIXED_TICKS / CHECKPOINT_EVERY + 1 }, (_, i) => i * CHECKPOINT_EVERY),
    );
    // The fixture really is mixed: faults and players' inputs, some of them refused.
    expect(log.inputs.filter((input) => input.actor === "host").length).toBeGreaterThan(10);
    expect(log.inputs.filter((input) => input.actor !== "host").length).toBeGreaterThan(300);
    expect(recorded.rejected).toBeGreaterThan(0);
    expect(verify(log)).toMatchObject({ ok: true });
  });

  it("D1: a second Node process replays the log to the same checkpoints and final state", async () => {
    const file = join(workDir, "round.quorum-replay");
    await writeFile(file, bytes);
    // The script is TypeScript, run by Node's type stripping: the workspace's pinned Node 24.
    expect(
      process.features.typescript,
      `Node ${process.version} can't run .ts; use pnpm`,
    ).toBeTruthy();
    const { stdout } = await run(process.execPath, [replayInNode, file]);
    expect(JSON.parse(stdout) as Fingerprint).toEqual(recorderFingerprint());
  });

  it("D1: headless Chromium replays the log to the same checkpoints and final state", async () => {
    let browser: Browser | undefined;
    let server: Server | undefined;
    try {
      browser = await launchChromium();
      await buildPage(workDir);
      const served = await servePage(workDir, { "round.quorum-replay": bytes });
      server = served.server;
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.goto(served.url);
      const output = page.locator("#fingerprint[data-state]");
      await output.waitFor({ timeout: 30_000 });
      expect(await output.getAttribute("data-state"), (await output.textContent()) ?? "").toBe(
        "done",
      );
      expect(errors).toEqual([]);
      expect(JSON.parse((await output.textContent())!) as Fingerprint).toEqual(
        recorderFingerprint(),
      );
    } finally {
      await browser?.close();
      server?.close();
    }
  }, 60_000);
});
