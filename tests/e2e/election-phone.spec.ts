import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { join, openClassAsHost, type Phone, phone, shot } from "./people.ts";

/**
 * Issue 6's phone in real browsers: three students (360×740; Cleo's phone speaks German) are the
 * three Raft servers of one cluster, and play a leader election by hand — timers run out, two
 * candidates split the cluster, a vote is refused with its rule, a leader replicates the
 * teacher's command until it commits; then the assisted and watch levels (E8) and the debrief.
 * The teacher's side is driven through the room's protocol, as a console would (docs/protocol.md).
 * Screens are saved as artifacts/screenshots/election-<step>-<who>-phone.png.
 */

const CONFIG = {
  clusterSize: 3,
  assist: "manual",
  enforcement: "strict",
  latency: [4, 8],
  electionTimeout: [60, 110],
  heartbeatInterval: 30,
};

test.describe("the election phone", () => {
  test.skip(
    () => test.info().project.name !== "projector",
    "one flow with three phones of their own",
  );

  test("E1–E8, D3, D4: three phones elect a leader by hand, replicate a command and watch the bots", async ({
    browser,
    baseURL,
    request,
  }) => {
    test.setTimeout(240_000);
    const server = baseURL!;
    const { host, code } = await openClassAsHost(request, server);
    const ada = await phone(browser, server, "Ada", "en-GB");
    const ben = await phone(browser, server, "Ben", "en-GB");
    const cleo = await phone(browser, server, "Cleo", "de-DE");
    await join(ada, code, "You're in!", "Join");
    await join(ben, code, "You're in!", "Join");
    await join(cleo, code, "Du bist dabei!", "Beitreten");

    // ---- P5: an election round of one cluster of three, every message a decision ------------
    host.send("host", { type: "configure", mode: "election", nodes: 3, config: CONFIG });
    await expect(ada.page.getByText("You will be a Raft server", { exact: false })).toBeVisible();
    await shot(ada.page, "election-01-lobby-ada");
    host.send("host", { type: "start" });
    for (const student of [ada, ben, cleo]) {
      await expect(status(student)).toBeVisible({ timeout: 20_000 });
    }

    // ---- E2: the timers run; nobody may stand yet -------------------------------------------
    await expect(role(ada)).toHaveAttribute("data-role", "follower");
    await expect(ada.page.locator(".dock__hint")).toHaveText(/^E2: your timer has \d+ s left$/);
    await expect(startButton(ada)).toBeDisabled();
    // The ring glides from tick to tick at the room's pace (D7: 100 ms at speed 1).
    const glide = await ada.page
      .locator(".ring__value")
      .evaluate((circle) => Number.parseFloat(getComputedStyle(circle).transitionDuration));
    expect(glide).toBeGreaterThan(0.05);
    expect(glide).toBeLessThan(0.4);
    await shot(ada.page, "election-02-follower-ada");
    await shot(cleo.page, "election-02-follower-cleo");

    // ---- E2: both timers run out; Ada and Cleo stand in the same term -----------------------
    await expect(startButton(ada)).toBeEnabled({ timeout: 20_000 });
    await expect(startButton(cleo)).toBeEnabled({ timeout: 20_000 });
    await expect(ada.page.locator(".ring")).toHaveAttribute("data-state", "expired");
    await expect(ada.page.getByText("Expired — you may start an election.")).toBeVisible();
    await shot(ada.page, "election-03-expired-ada");
    await Promise.all([startButton(ada).tap(), startButton(cleo).tap()]);
    await expect(role(ada)).toHaveAttribute("data-role", "candidate");
    await expect(role(cleo)).toHaveAttribute("data-role", "candidate");
    await expect(ada.page.getByText("Term 1", { exact: true })).toBeVisible();

    // ---- E3: Ben has two requests; each candidate sees why it may not vote for the other ----
    const adaAsks = voteCard(ben, "Ada asks for your vote");
    const cleoAsks = voteCard(ben, "Cleo asks for your vote");
    await expect(adaAsks).toBeVisible();
    await expect(cleoAsks).toBeVisible();
    await expect(adaAsks.locator(".raft-card__verdict")).toHaveText(/You may grant it/);
    await shot(ben.page, "election-04-two-requests-ben");
    const refusedAtAda = voteCard(ada, "Cleo asks for your vote").locator(".raft-card__verdict");
    await expect(refusedAtAda).toHaveText("✕ You already voted for yourself in term 1. (E3)");
    await shot(ada.page, "election-04-candidate-ada");
    await expect(voteCard(cleo, "Ada bittet um deine Stimme")).toBeVisible();
    await shot(cleo.page, "election-04-candidate-cleo");

    // ---- E3, E5: Ben votes for Ada; granting Cleo too is refused, with the rule --------------
    await adaAsks.getByRole("button", { name: "Grant" }).tap();
    await expect(ben.page.getByText("You voted for Ada in term 1.")).toBeVisible();
    await expect(cleoAsks.locator(".raft-card__verdict")).toHaveText(
      "✕ You already voted for Ada in term 1. (E3)",
    );
    await cleoAsks.getByRole("button", { name: "Grant" }).tap();
    await expect(ben.page.locator(".feedback--problem")).toHaveText(
      "You already voted for Ada in term 1. (E3)",
    );
    await shot(ben.page, "election-05-refused-ben");
    await cleoAsks.getByRole("button", { name: "Refuse" }).tap();
    await expect(role(ada)).toHaveAttribute("data-role", "leader");
    await expect(ada.page.locator(".feedback--good")).toHaveText(/You won term 1/);
    await shot(ada.page, "election-06-leader-ada");

    // ---- E6: the leader's heartbeat; Cleo, still a candidate, steps down and takes it -------
    await heartbeat(ada);
    const appendAtCleo = cleo.page.locator(".raft-card--append").first();
    await expect(appendAtCleo).toBeVisible();
    await expect(role(cleo)).toHaveAttribute("data-role", "follower");
    await shot(cleo.page, "election-07-append-cleo");
    await acceptAll(cleo);
    await acceptAll(ben);

    // ---- E6: the teacher's command is replicated and commits on a majority ------------------
    host.send("host", {
      type: "mode",
      action: { type: "command", cluster: 0, command: "x=3" },
    });
    await expect(ada.page.locator(".raft-entry")).toHaveCount(1);
    await heartbeat(ada);
    await expect(ben.page.locator(".raft-card--append")).toContainText("1 new: x=3");
    await shot(ben.page, "election-08-entries-ben");
    await acceptAll(ben);
    await expect(ada.page.locator('.raft-entry[data-committed="true"]')).toHaveCount(1);
    await expect(ada.page.locator(".raft-entry__state")).toHaveText("✓ committed");
    await shot(ada.page, "election-09-committed-ada");
    await scrollTo(ada.page, ".raft-log");
    await shot(ada.page, "election-09-committed-log-ada");
    // Ben learns the commit with the next heartbeat.
    await heartbeat(ada);
    await acceptAll(ben);
    await acceptAll(cleo);
    await expect(ben.page.locator('.raft-entry[data-committed="true"]')).toHaveCount(1);
    await scrollTo(ben.page, ".raft-log");
    await shot(ben.page, "election-10-follower-log-ben");

    // ---- E8 assisted: routine AppendEntries are the engine's; votes and heartbeats stay human
    host.send("host", { type: "mode", action: { type: "configure", assist: "assisted" } });
    await expect(ben.page.getByText("Assisted: the engine answers routine messages")).toBeVisible();
    await heartbeat(ada);
    await expect(ben.page.locator(".raft-card--append")).toHaveCount(0);
    await shot(ben.page, "election-11-assisted-ben");
    await shot(ada.page, "election-11-assisted-ada");

    // ---- E8 watch: the bots play; a student crashes and restarts its own node ---------------
    host.send("host", { type: "mode", action: { type: "configure", assist: "watch" } });
    const crash = cleo.page.getByRole("button", { name: /Meinen Knoten abstürzen lassen/ });
    await expect(crash).toBeEnabled();
    await shot(cleo.page, "election-12-watch-cleo");
    await crash.tap();
    const restart = cleo.page.getByRole("button", { name: /Meinen Knoten neu starten/ });
    await expect(restart).toBeEnabled();
    await expect(cleo.page.getByRole("alert")).toContainText("Dein Knoten ist ausgefallen");
    await shot(cleo.page, "election-13-crashed-cleo");
    await restart.tap();
    await expect(crash).toBeEnabled();
    await shot(ada.page, "election-13-watch-ada");

    // ---- P5: the round ends; each phone shows its cluster's figures -------------------------
    host.send("host", { type: "end" });
    await expect(ada.page.getByRole("heading", { name: "Round over" })).toBeVisible();
    await expect(ada.page.getByText(/^Terms reached: \d+ · won by a leader: \d+/)).toBeVisible();
    await shot(ada.page, "election-14-ended-ada");
    await shot(cleo.page, "election-14-ended-cleo");

    for (const student of [ada, ben, cleo]) expect(student.problems).toEqual([]);
    await host.leave();
  });
});

const status = (student: Phone) => student.page.locator(".raft-status");
const role = (student: Phone) => student.page.locator(".role-badge");
const startButton = (student: Phone) =>
  student.page.getByRole("button", { name: /^(Start an election|Wahl starten)$/ });
const voteCard = (student: Phone, title: string): Locator =>
  student.page.locator(".raft-card--vote").filter({ hasText: title });

/** E6: the leader taps the dock's heartbeat. */
async function heartbeat(leader: Phone): Promise<void> {
  await leader.page.getByRole("button", { name: "Send heartbeat" }).tap();
}

/** E6, manual level: take every AppendEntries waiting (each arrives after the link's latency). */
async function acceptAll(student: Phone): Promise<void> {
  const cards = student.page.locator(".raft-card--append");
  await expect(cards.first()).toBeVisible();
  while ((await cards.count()) > 0) {
    await cards
      .first()
      .getByRole("button", { name: /^(Accept|Annehmen)$/ })
      .tap();
    await student.page.waitForTimeout(150);
  }
}

async function scrollTo(page: Page, selector: string): Promise<void> {
  await page.locator(selector).evaluate((element) => element.scrollIntoView({ block: "center" }));
}
