import type { Room } from "@colyseus/sdk";
import type { Page } from "@playwright/test";
import { expectAccessible } from "./axe.ts";
import { expect, test } from "./fixtures.ts";
import { join, openClass, openClassAsHost, phone, projectorScreen } from "./people.ts";

/**
 * P7: every screen a person sees passes axe-core's WCAG 2.x A/AA rules and best practices with
 * no serious or critical violation — the phone's screens at 360×740, the teacher's, the
 * projector's and the replays at 1920×1080. Each screen is checked as the flow reaches it; the
 * test lists every screen's violations at the end (expect.soft), not just the first.
 */

test.describe("accessibility: pages without a class", () => {
  test("P7: landing, join form with its errors, sign-in, not found, /replay and a refused file", async ({
    page,
  }) => {
    await page.goto("/");
    await expect(page.locator(".landing__network")).toHaveAttribute("data-nodes", "18");
    await expectAccessible(page, "landing");
    await page.getByRole("button", { name: "Join" }).click();
    await expect(page.getByLabel("Game code")).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page, "join form with errors");
    await page.goto("/join/ABC234");
    await expect(page.getByLabel("Game code")).toHaveValue("ABC234");
    await page.getByLabel("Your nickname").fill("Ada");
    await page.getByRole("button", { name: "Join" }).click();
    await expect(page.getByRole("status")).toContainText("No class is running with code ABC234");
    await expectAccessible(page, "join form, unknown code");

    await page.goto("/login");
    await expect(page.getByRole("heading", { name: "Teacher sign-in" })).toBeVisible();
    await expectAccessible(page, "teacher sign-in");
    await page.goto("/no-such-page");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(page, "not found");

    await page.goto("/replay");
    await expect(page.getByRole("heading", { name: "Open a replay" })).toBeVisible();
    await expectAccessible(page, "replay: open a file");
    await page.getByLabel("Choose a file").setInputFiles({
      name: "broken.quorum-replay",
      mimeType: "application/octet-stream",
      buffer: Buffer.from("not a replay"),
    });
    await expect(page.getByRole("heading", { name: "This replay cannot be shown" })).toBeVisible();
    await expectAccessible(page, "replay: a refused file");
  });
});

test.describe("accessibility: the teacher's console, the projector and the replays", () => {
  test.skip(
    () => test.info().project.name !== "projector",
    "the teacher's laptop and the projector at 1920×1080; the phone's screens have their own test",
  );

  test("P7: console and projector through a routing and an election round, the rounds, their replays and the dashboard", async ({
    page: teacher,
    browser,
    baseURL,
  }) => {
    test.setTimeout(300_000);
    const server = baseURL!;
    const opened = await openClass(teacher);
    const ada = await phone(browser, server, "Ada", "en-GB");
    await join(ada, opened.code, "You're in!", "Join");
    await expect(teacher.locator(".players__count")).toHaveText("1");
    await expectAccessible(teacher, "console: lobby and routing set-up");
    const projector = await projectorScreen(browser, server, opened.projectorUrl);
    await expect(projector.getByTestId("projector-code")).toHaveText(opened.code);
    await expectAccessible(projector, "projector: lobby with code and QR code");

    // ---- a routing round ----------------------------------------------------------------------
    await teacher.getByLabel(/New packets/).fill("4");
    await teacher.getByRole("button", { name: "Start the round" }).click();
    await expect(teacher.locator(".console__network")).toHaveAttribute("data-nodes", /^\d+$/, {
      timeout: 30_000,
    });
    await expect(projector.locator(".network--live")).toHaveAttribute("data-nodes", /^\d+$/);
    await expect(teacher.locator(".console__figures [data-counter=generated]")).not.toHaveText(
      /^0/,
    );
    await expectAccessible(teacher, "console: routing round");
    await expectAccessible(projector, "projector: routing round");
    await endRound(teacher, "routing");
    await expect(projector.getByTestId("debrief")).toBeVisible();
    await expectAccessible(teacher, "console: routing debrief");
    await expectAccessible(projector, "projector: routing debrief");

    // ---- an election round ---------------------------------------------------------------------
    await teacher.getByRole("button", { name: "Next round" }).click();
    await teacher
      .getByLabel("Game", { exact: true })
      .selectOption({ label: "Leader election (Raft)" });
    await teacher.getByLabel("Nodes", { exact: true }).fill("10");
    await teacher.getByLabel("Nodes", { exact: true }).blur();
    await expect(teacher.getByTestId("cluster-split")).toHaveText("2 clusters of 5, 5 servers");
    await teacher.getByLabel("Election timeout").selectOption({ label: "Short (4–8 s)" });
    await expectAccessible(teacher, "console: election set-up");
    await teacher.getByRole("button", { name: "Start the round" }).click();
    await expect(teacher.locator(".console__network")).toHaveAttribute("data-clusters", "2", {
      timeout: 30_000,
    });
    await expect(teacher.getByTestId("cluster-2").first()).toHaveAttribute("data-leader", /^\d+$/, {
      timeout: 40_000,
    });
    await expect(projector.locator(".election-drawing")).toHaveAttribute("data-clusters", "2");
    await expectAccessible(teacher, "console: election round");
    await expectAccessible(projector, "projector: election round");
    await endRound(teacher, "election");
    await expect(projector.getByTestId("debrief")).toHaveAttribute("data-mode", "election");
    await expectAccessible(teacher, "console: election debrief");
    await expectAccessible(projector, "projector: election debrief");
    await projector.context().close();
    await ada.page.context().close();

    // ---- the class's rounds and their replays --------------------------------------------------
    // The console opens the rounds in a tab of its own; here they replace it.
    await teacher.goto(`/teach/${encodeURIComponent(opened.roomId)}/rounds`);
    await expect(
      teacher.getByRole("heading", { name: `Rounds of class ${opened.code}` }),
    ).toBeVisible();
    const first = teacher.locator(".round-card", { has: teacher.getByText("Round 1") });
    await first.getByRole("button", { name: "Share link to round 1 (read-only)" }).click();
    const link = first.getByRole("textbox", { name: "Read-only link to round 1" });
    await expect(link).toHaveValue(/\/replay\/s\/[\w-]{43}$/);
    const sharedPath = new URL(await link.inputValue()).pathname;
    await expectAccessible(teacher, "rounds of a class");

    await first.getByRole("link", { name: "Replay round 1" }).click();
    await expect(teacher.locator(".replay-stage")).toBeVisible({ timeout: 30_000 });
    await expectAccessible(teacher, "replay: routing round");
    await teacher.getByRole("slider", { name: "Time in the round" }).fill("100");
    await follow(teacher, "Ada");
    await expect(teacher.locator(".replay-phone .map")).toBeVisible();
    await expectAccessible(teacher, "replay: routing round, following Ada's phone");

    await teacher.goto(`/teach/${encodeURIComponent(opened.roomId)}/rounds/2`);
    await expect(teacher.locator(".replay-stage")).toBeVisible({ timeout: 30_000 });
    await expectAccessible(teacher, "replay: election round");
    await teacher.getByRole("slider", { name: "Time in the round" }).press("End");
    await expectAccessible(teacher, "replay: election round at its end");

    await teacher.goto(sharedPath);
    await expect(teacher.getByRole("heading", { name: "Shared replay" })).toBeVisible();
    await expect(teacher.locator(".replay-stage")).toBeVisible({ timeout: 30_000 });
    await expectAccessible(teacher, "replay: shared link");

    await teacher.goto("/teach");
    await expect(teacher.getByRole("heading", { name: "Your classes" })).toBeVisible();
    await expect(
      teacher.getByRole("link", { name: `Rounds and replays of class ${opened.code}` }),
    ).toBeVisible();
    await expectAccessible(teacher, "dashboard with classes");
  });
});

test.describe("accessibility: the student's phone", () => {
  test.skip(
    () => test.info().project.name !== "phone",
    "a student's phone at 360×740; the teacher's screens have their own test",
  );

  test("P7: join, lobby, a routing round, an election round and their summaries on a phone", async ({
    page,
    browser,
    baseURL,
    request,
  }) => {
    test.setTimeout(240_000);
    const server = baseURL!;
    const { host, code } = await openClassAsHost(request, server);
    // The test's own page is Ada's phone; Ben and Cleo make the cluster all human (E2).
    const ben = await phone(browser, server, "Ben", "en-GB");
    const cleo = await phone(browser, server, "Cleo", "en-GB");

    await page.goto(`/join/${code}`);
    await page.locator("#join-nickname").fill("Ada");
    await expectAccessible(page, "join form with the code from the QR code");
    await page.getByRole("button", { name: "Join", exact: true }).tap();
    await expect(page.getByRole("heading", { name: "You're in!" })).toBeVisible();
    await join(ben, code, "You're in!", "Join");
    await join(cleo, code, "You're in!", "Join");
    await expect(page.getByText("Players in the class: 3")).toBeVisible();
    await expectAccessible(page, "lobby");

    // ---- a routing round of three --------------------------------------------------------------
    host.send("host", {
      type: "configure",
      mode: "routing",
      nodes: 3,
      config: { preset: "ring", latency: [3, 6], trafficRate: 2, ttl: 6 },
    });
    host.send("host", { type: "start" });
    await expect(page.getByText("The round starts in")).toBeVisible();
    await expectAccessible(page, "countdown");
    const packet = page.locator(".inbox__list .packet").first();
    await expect(packet).toBeVisible({ timeout: 20_000 });
    await expectAccessible(page, "routing round with an inbox");
    await packet.tap();
    await expect(packet).toHaveAttribute("aria-pressed", "true");
    await expectAccessible(page, "routing round, a packet picked");
    await page.locator(".map .neighbour:not(.neighbour--down)").first().tap();
    await expect(page.locator(".dock__feedback")).toContainText("is on its way");
    await expectAccessible(page, "routing round, a packet sent");
    host.send("host", { type: "pause" });
    await expect(page.getByText("Paused by the teacher. Hold on…")).toBeVisible();
    await expectAccessible(page, "routing round, paused");
    host.send("host", { type: "resume" });
    host.send("host", { type: "fault", fault: { type: "crash", node: nodeOf(host, "Ada") } });
    await expect(page.getByRole("alert")).toContainText("Your node is down");
    await expectAccessible(page, "routing round, node down");
    host.send("host", { type: "end" });
    await expect(page.getByRole("heading", { name: "Round over" })).toBeVisible();
    await expectAccessible(page, "routing summary");

    // ---- an election round: Ada's timer runs out, she stands and wins Ben's vote ---------------
    host.send("host", { type: "next" });
    host.send("host", {
      type: "configure",
      mode: "election",
      nodes: 3,
      config: {
        clusterSize: 3,
        assist: "manual",
        enforcement: "strict",
        latency: [4, 8],
        electionTimeout: [60, 110],
        heartbeatInterval: 30,
      },
    });
    await expect(page.getByText("You will be a Raft server", { exact: false })).toBeVisible();
    host.send("host", { type: "start" });
    await expect(page.locator(".raft-status")).toBeVisible({ timeout: 20_000 });
    await expectAccessible(page, "election: follower, timer running");
    const stand = page.getByRole("button", { name: "Start an election" });
    await expect(stand).toBeEnabled({ timeout: 20_000 });
    await expectAccessible(page, "election: timer expired");
    await stand.tap();
    const voteRequest = ben.page.locator(".raft-card--vote").filter({ hasText: "Ada asks" });
    await expect(voteRequest).toBeVisible();
    await expectAccessible(ben.page, "election: a vote request");
    await voteRequest.getByRole("button", { name: "Grant" }).tap();
    await expect(page.locator(".role-badge")).toHaveAttribute("data-role", "leader");
    await expectAccessible(page, "election: leader");
    await page.getByRole("button", { name: "Send heartbeat" }).tap();
    await expect(ben.page.locator(".raft-card--append").first()).toBeVisible();
    await expectAccessible(ben.page, "election: AppendEntries to accept");
    host.send("host", { type: "mode", action: { type: "configure", assist: "watch" } });
    const crash = page.getByRole("button", { name: /Crash my node/ });
    await expect(crash).toBeEnabled();
    await expectAccessible(page, "election: watching the bots");
    await crash.tap();
    await expect(page.getByRole("alert")).toContainText("Your node is down");
    await expectAccessible(page, "election: node down");
    host.send("host", { type: "end" });
    await expect(page.getByRole("heading", { name: "Round over" })).toBeVisible();
    await expect(page.getByText(/^Terms reached: \d+/)).toBeVisible();
    await expectAccessible(page, "election summary");

    await host.leave();
    for (const other of [ben, cleo]) {
      expect(other.problems, `${other.nickname}: off-origin requests and page errors`).toEqual([]);
      await other.page.context().close();
    }
  });
});

/** P5: the console's End round, confirmed, until its debrief of `mode` shows. */
async function endRound(teacher: Page, mode: "routing" | "election"): Promise<void> {
  await teacher.getByRole("button", { name: /End round/ }).click();
  await expectAccessible(teacher, `console: ${mode} round, asking to confirm its end`);
  await teacher.getByRole("button", { name: "Yes, end the round" }).click();
  await expect(teacher.getByTestId("debrief")).toHaveAttribute("data-mode", mode, {
    timeout: 30_000,
  });
}

/** "Follow a node" in a replay: the student's node, by the name the list gives it ("3 · Ada"). */
async function follow(page: Page, nickname: string): Promise<void> {
  const list = page.getByLabel("Follow a node");
  const option = list.locator("option", { hasText: new RegExp(`· ${nickname}$`) });
  await list.selectOption((await option.getAttribute("value"))!);
}

/** A student's node, as the room's host view has it. */
function nodeOf(host: Room, nickname: string): number {
  const { players } = (
    host.state as { toJSON(): { players: Record<string, { nickname: string; node: number }> } }
  ).toJSON();
  const player = Object.values(players).find((entry) => entry.nickname === nickname);
  if (!player) throw new Error(`${nickname} is not in the class list`);
  return player.node;
}
