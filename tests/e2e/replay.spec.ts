import { readFileSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import type { Locator, Page } from "@playwright/test";
import { encodeReplay } from "@quorum/shared";
import { recordClassRound } from "../../scripts/bench/classRound.ts";
import { expect, snapshot, test } from "./fixtures.ts";
import { join, openClass, phone } from "./people.ts";
import { forwardAPacket } from "./router.ts";

/**
 * Issue 7 in real browsers: a teacher plays a short round with a student and a crash, finds it
 * among the class's rounds, replays it, scrubs to an event, follows the student's node, exports
 * the file and opens it on /replay in a fresh browser context with no sign-in — at the same tick
 * it shows the same state hash (D6). Screens: artifacts/screenshots/replay-<step>-projector.png.
 */

const SCREENS = "artifacts/screenshots";

test.describe("replays", () => {
  test.skip(
    () => test.info().project.name !== "projector",
    "the viewer is for a teacher's laptop and the projector",
  );

  test("§1.2, P4, D6: play a round, replay it, scrub to an event, follow a node, export it and open it on /replay with the same state hash", async ({
    page: teacher,
    browser,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const server = baseURL!;
    const opened = await openClass(teacher);
    const ada = await phone(browser, server, "Ada", "en-GB");
    await join(ada, opened.code, "You're in!", "Join");

    // ---- a short round: Ada forwards a packet, the teacher crashes and restarts a node ------
    // Enough traffic that Ada's router soon has a packet to decide on.
    await teacher.getByLabel(/New packets/).fill("4");
    await teacher.getByRole("button", { name: "Start the round" }).click();
    await expect(teacher.locator(".console__network")).toHaveAttribute("data-nodes", "12", {
      timeout: 30_000,
    });
    await forwardAPacket(ada);
    const node = teacher.getByLabel("Node", { exact: true });
    await node.selectOption({ index: 3 });
    const crashed = (await node.locator("option:checked").textContent())!.trim();
    await teacher.getByRole("button", { name: "Crash", exact: true }).click();
    await expect(teacher.locator(".legend")).toContainText("Crashed nodes: 1");
    await teacher.waitForTimeout(2_000);
    await teacher.getByRole("button", { name: "Restart", exact: true }).click();
    await expect(teacher.locator(".legend")).not.toContainText("Crashed nodes");
    await teacher.getByRole("button", { name: /End round/ }).click();
    await teacher.getByRole("button", { name: "Yes, end the round" }).click();
    await expect(teacher.getByTestId("debrief")).toBeVisible({ timeout: 30_000 });
    // The console links to the rounds in a tab of its own (leaving would leave the room).
    const roundsHref = `/teach/${encodeURIComponent(opened.roomId)}/rounds`;
    await expect(teacher.getByRole("link", { name: "Rounds and replays" })).toHaveAttribute(
      "href",
      roundsHref,
    );
    await snapshot(teacher, "replay-00-console-ended");

    // ---- the class's rounds, from the dashboard ---------------------------------------------
    await teacher.goto("/teach");
    const roundsLink = teacher.getByRole("link", {
      name: `Rounds and replays of class ${opened.code}`,
    });
    await expect(roundsLink).toHaveAttribute("href", roundsHref);
    await snapshot(teacher, "replay-00-dashboard");
    await roundsLink.click();
    await expect(
      teacher.getByRole("heading", { name: `Rounds of class ${opened.code}` }),
    ).toBeVisible();
    const card = teacher.locator(".round-card", { has: teacher.getByText("Round 1") });
    await expect(card.locator(".status-badge")).toHaveText("Finished");
    await expect(card).toContainText("Ada");
    await expect(card).toContainText(/Delivered\s*\d+ %/);
    const share = teacher.waitForResponse((response) => /\/share$/.test(response.url()));
    await card.getByRole("button", { name: "Share link to round 1 (read-only)" }).click();
    await share;
    const link = card.getByRole("textbox", { name: "Read-only link to round 1" });
    await expect(link).toHaveValue(/\/replay\/s\/[\w-]{43}$/);
    const sharedPath = new URL(await link.inputValue()).pathname;
    await snapshot(teacher, "replay-01-rounds");

    // ---- replay it: scrub to the crash, follow Ada ------------------------------------------
    await card.getByRole("link", { name: "Replay round 1" }).click();
    const stage = teacher.locator(".replay-stage");
    await expect(stage).toBeVisible({ timeout: 30_000 });
    await expect(teacher.locator(".replay-stage__network")).toHaveAttribute("data-nodes", "12");
    const crashEvent = teacher.locator(".replay-event", { hasText: `${nameOf(crashed)} crashed` });
    await expect(crashEvent).toHaveCount(1);
    const crashTime = (await crashEvent.locator(".replay-event__time").textContent())!;
    const scrubber = teacher.getByRole("slider", { name: "Time in the round" });
    await scrubber.focus();
    // Shift+→ jumps from event to event until the crash (Ada's packet came first, perhaps).
    for (let jumps = 0; jumps < 20; jumps++) {
      if ((await crashEvent.getAttribute("aria-current")) === "true") break;
      await scrubber.press("Shift+ArrowRight");
    }
    await expect(crashEvent).toHaveAttribute("aria-current", "true");
    await expect(teacher.locator(".timeline__here")).toContainText(`${nameOf(crashed)} crashed`);
    await expect(teacher.getByTestId("replay-time")).toContainText(`${crashTime} /`);
    await expect(teacher.locator(".legend")).toContainText("Crashed nodes: 1");
    // One tick on, by keyboard: the hash changes; one back: it is the crash's again.
    const atCrash = await hashOf(stage);
    await scrubber.press("ArrowRight");
    await expect(stage).not.toHaveAttribute("data-hash", atCrash.hash);
    await scrubber.press("ArrowLeft");
    await expect(stage).toHaveAttribute("data-hash", atCrash.hash);

    await follow(teacher, "Ada");
    const phoneView = teacher.locator(".replay-phone");
    await expect(phoneView.getByRole("heading", { name: "What Ada saw" })).toBeVisible();
    await expect(phoneView.locator(".map")).toBeVisible();
    const screen = (await phoneView.locator(".replay-phone__page").boundingBox())!;
    expect(Math.round(screen.width)).toBe(360);
    // The page's own keys: → steps a tick, Space plays and pauses.
    await teacher.locator(".replay-stage__keys").click();
    const before = Number(await stage.getAttribute("data-tick"));
    await teacher.keyboard.press("ArrowRight");
    await expect(stage).toHaveAttribute("data-tick", String(before + 1));
    await teacher.keyboard.press("Space");
    await expect(stage).toHaveAttribute("data-playing", "true");
    await teacher.keyboard.press("Space");
    await expect(stage).toHaveAttribute("data-playing", "false");
    // A moment with something in Ada's inbox, for the picture.
    await playUntil(teacher, () => phoneView.locator(".inbox__list .packet").count());
    const followed = await hashOf(stage);
    await teacher.screenshot({ path: `${SCREENS}/replay-02-viewer-projector.png` });
    await phoneView.locator(".replay-phone__screen").screenshot({
      path: `${SCREENS}/replay-03-followed-ada-phone.png`,
    });

    // ---- export, then /replay in a fresh context: no sign-in, same tick, same hash ----------
    const download = teacher.waitForEvent("download");
    await teacher.getByRole("button", { name: "Download .quorum-replay" }).click();
    const file = test.info().outputPath("round.quorum-replay");
    await (await download).saveAs(file);
    expect((await download).suggestedFilename()).toBe(`${opened.code}-round-1.quorum-replay`);

    const fresh = await browser.newContext({
      viewport: { width: 1920, height: 1080 },
      baseURL: server,
    });
    const visitor = await fresh.newPage();
    await visitor.goto("/replay");
    await expect(visitor.getByRole("heading", { name: "Open a replay" })).toBeVisible();
    await snapshot(visitor, "replay-04-open-file");
    await dropFile(visitor, "round.quorum-replay", readFileSync(file));
    const visitorStage = visitor.locator(".replay-stage");
    await expect(visitorStage).toBeVisible({ timeout: 30_000 });
    await seekTo(visitor, followed.tick);
    await expect(visitorStage).toHaveAttribute("data-hash", followed.hash);
    await expect(visitor.getByTestId("replay-hash")).toHaveText(followed.hash.slice(0, 8));
    await follow(visitor, "Ada");
    await expect(visitor.locator(".replay-phone .map")).toBeVisible();
    await visitor.screenshot({ path: `${SCREENS}/replay-05-file-opened-projector.png` });

    // The share link shows the same round, read-only, with no sign-in either.
    await visitor.goto(sharedPath);
    await expect(visitor.getByRole("heading", { name: "Shared replay" })).toBeVisible();
    await expect(visitorStage).toBeVisible({ timeout: 30_000 });
    await seekTo(visitor, atCrash.tick);
    await expect(visitorStage).toHaveAttribute("data-hash", atCrash.hash);

    // ---- refused files: unknown version, cut short, tampered --------------------------------
    const bytes = readFileSync(file);
    const log = JSON.parse(gunzipSync(bytes).toString("utf8")) as {
      version: number;
      checkpoints: { t: number; hash: string }[];
    };
    const refusals: [string, Buffer, RegExp][] = [
      [
        "future.quorum-replay",
        gzipSync(JSON.stringify({ ...log, version: 99 })),
        /has version 99, which this Quorum cannot read/,
      ],
      [
        "cut.quorum-replay",
        bytes.subarray(0, Math.floor(bytes.length * 0.6)),
        /incomplete: it ends too early/,
      ],
      [
        "tampered.quorum-replay",
        gzipSync(
          JSON.stringify({
            ...log,
            checkpoints: log.checkpoints.map((checkpoint, index) =>
              index === 1 ? { ...checkpoint, hash: "0123456789abcdef" } : checkpoint,
            ),
          }),
        ),
        new RegExp(
          `does not match its recording at tick ${log.checkpoints[1]!.t}: the file was changed or is damaged`,
        ),
      ],
    ];
    await visitor.goto("/replay");
    for (const [name, buffer, message] of refusals) {
      const picker = visitor.getByLabel(/Choose a file|Open another file/);
      await picker.setInputFiles({ name, mimeType: "application/octet-stream", buffer });
      await expect(visitor.getByRole("alert")).toContainText(message);
      await expect(
        visitor.getByRole("heading", { name: "This replay cannot be shown" }),
      ).toBeVisible();
    }
    await snapshot(visitor, "replay-06-refused");
    await fresh.close();

    // ---- results and deletion ---------------------------------------------------------------
    await teacher.getByRole("link", { name: "Rounds and replays" }).click();
    const csv = teacher.waitForEvent("download");
    await teacher.getByRole("button", { name: "Results (CSV)" }).click();
    const results = readFileSync(await (await csv).path());
    expect(results.toString("utf8")).toMatch(
      /^\uFEFFnickname,joined,removed,round 1 \(routing\),total\r\nAda,/,
    );
    await card.getByRole("button", { name: "Delete round 1" }).click();
    await card.getByRole("button", { name: "Yes, delete it" }).click();
    await expect(teacher.getByText("No rounds in this class yet.")).toBeVisible();
    await teacher.getByRole("button", { name: "Delete this class" }).click();
    await teacher.getByRole("button", { name: "Yes, delete the class" }).click();
    await expect(teacher).toHaveURL(/\/teach$/);
    await expect(teacher.getByText(opened.code)).toHaveCount(0);
    expect(ada.problems, "Ada: off-origin requests and page errors (P8)").toEqual([]);
    await ada.page.context().close();
  });

  test("§1.2: seeking a ten-minute, 30-node round in the browser (figures printed, not asserted)", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const { log } = recordClassRound();
    await page.goto("/replay");
    const chosen = Date.now();
    await page.getByLabel("Choose a file").setInputFiles({
      name: "class-round.quorum-replay",
      mimeType: "application/octet-stream",
      buffer: Buffer.from(encodeReplay(log)),
    });
    const stage = page.locator(".replay-stage");
    await expect(stage).toBeVisible({ timeout: 60_000 });
    // From choosing the file to the stage: the check (D6) and the first pass included.
    const openMs = Date.now() - chosen;
    await expect(page.getByTestId("replay-time")).toContainText("/ 10:00");
    const seeks = await page.evaluate(async (endTick) => {
      const range = document.querySelector<HTMLInputElement>(".scrubber__range")!;
      const stageElement = document.querySelector<HTMLElement>(".replay-stage")!;
      const times: { engine: number; shown: number }[] = [];
      let seed = 99;
      const random = () => {
        seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
        return seed / 2 ** 31;
      };
      for (let i = 0; i < 60; i++) {
        const tick = Math.floor(random() * endTick);
        const started = performance.now();
        const shown = new Promise<void>((resolve) => {
          new MutationObserver((_, observer) => {
            if (stageElement.dataset.tick === String(tick)) {
              observer.disconnect();
              resolve();
            }
          }).observe(stageElement, { attributes: true, attributeFilter: ["data-tick"] });
        });
        range.value = String(tick);
        range.dispatchEvent(new Event("input", { bubbles: true }));
        await shown;
        times.push({
          engine: Number(stageElement.dataset.seekMs),
          shown: performance.now() - started,
        });
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return times;
    }, log.endTick);
    const sorted = (values: number[]) => [...values].sort((p, q) => p - q);
    const engine = sorted(seeks.map((seek) => seek.engine));
    const shown = sorted(seeks.map((seek) => seek.shown));
    const figures = {
      openMs,
      seeks: seeks.length,
      engineMedianMs: engine[Math.floor(engine.length / 2)],
      engineWorstMs: engine.at(-1),
      shownMedianMs: shown[Math.floor(shown.length / 2)],
      shownWorstMs: shown.at(-1),
    };
    console.log(`replay seek in Chromium, 10-minute 30-node round: ${JSON.stringify(figures)}`);
    test.info().annotations.push({ type: "seek", description: JSON.stringify(figures) });
    await page.screenshot({ path: `${SCREENS}/replay-07-ten-minutes-projector.png` });
  });
});

/** "4 · Ben" (the console's list of nodes) → "Ben"; a bot's "5" → "Node 5". */
function nameOf(option: string): string {
  const [, number, name] = /^(\d+)(?: · (.+))?/.exec(option) ?? [];
  return name ?? `Node ${number}`;
}

async function hashOf(stage: Locator): Promise<{ tick: number; hash: string }> {
  return {
    tick: Number(await stage.getAttribute("data-tick")),
    hash: (await stage.getAttribute("data-hash"))!,
  };
}

/** "Follow a node": the student's node, by the name the list gives it ("3 · Ada"). */
async function follow(page: Page, nickname: string): Promise<void> {
  const list = page.getByLabel("Follow a node");
  const option = list.locator("option", { hasText: new RegExp(`· ${nickname}$`) });
  await list.selectOption((await option.getAttribute("value"))!);
}

/** A file dropped on /replay's drop zone, as from the desktop. */
async function dropFile(page: Page, name: string, bytes: Buffer): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ name, bytes }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], name));
      return transfer;
    },
    { name, bytes: [...bytes] },
  );
  await page.getByTestId("drop-zone").dispatchEvent("drop", { dataTransfer });
}

/** The scrubber set to `tick`, as a person drags it (input events). */
async function seekTo(page: Page, tick: number): Promise<void> {
  await page.getByRole("slider", { name: "Time in the round" }).fill(String(tick));
  await expect(page.locator(".replay-stage")).toHaveAttribute("data-tick", String(tick));
}

/** Steps the replay tick by tick until `ready` counts something (or the round ends). */
async function playUntil(page: Page, ready: () => Promise<number>): Promise<void> {
  const forward = page.getByRole("button", { name: "1 tick forward" });
  for (let step = 0; step < 400 && (await ready()) === 0; step++) {
    if (await forward.isDisabled()) return;
    await forward.click();
  }
}
