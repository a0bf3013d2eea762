import type { Locator, Page } from "@playwright/test";
import { expect, snapshot, test } from "./fixtures.ts";
import { join, openClass, type Phone, phone, projectorScreen, shot } from "./people.ts";

/**
 * Issue 6 in real browsers: the console (1920×1080) sets up a leader-election round of two
 * clusters for five students' phones (360×740) and five Raft bots, watches both clusters elect,
 * sends a client command until it commits, crashes a leader by clicking it and sees the next
 * one elected, splits a cluster so that its minority cannot commit, then ends the round; a
 * projector shows the rings and the debrief. Screens are saved as
 * artifacts/screenshots/election-console-<step>-{teacher,projector,<student>-phone}.png.
 */

const NODES = 10;

test.describe("the election console", () => {
  test.skip(
    () => test.info().project.name !== "projector",
    "one flow with the teacher's laptop, a projector and five phones of their own",
  );

  test("E2, E5–E9, N4, N5, P4: rings, a command, a crashed leader replaced, a partition, the debrief", async ({
    page: teacher,
    browser,
    baseURL,
  }) => {
    test.setTimeout(240_000);
    const server = baseURL!;
    const opened = await openClass(teacher);
    const projector = await projectorScreen(browser, server, opened.projectorUrl);
    const phones = await Promise.all(
      ["Ada", "Ben", "Cleo", "Dev", "Eve"].map((name) => phone(browser, server, name, "en-GB")),
    );
    await Promise.all(phones.map((student) => join(student, opened.code, "You're in!", "Join")));

    // ---- P5: two clusters of five, bots playing every node (E8 watch), short timeouts --------
    await teacher
      .getByLabel("Game", { exact: true })
      .selectOption({ label: "Leader election (Raft)" });
    await teacher.getByLabel("Nodes", { exact: true }).fill(String(NODES));
    await teacher.getByLabel("Nodes", { exact: true }).blur();
    await expect(teacher.getByTestId("cluster-split")).toHaveText("2 clusters of 5, 5 servers");
    await teacher.getByLabel(/^Watch:/).check();
    await teacher.getByLabel("Election timeout").selectOption({ label: "Short (4–8 s)" });
    await snapshot(teacher, "election-console-00-setup-teacher");
    await teacher.getByRole("button", { name: "Start the round" }).click();

    const drawing = teacher.locator(".console__network");
    await expect(drawing).toHaveAttribute("data-nodes", String(NODES), { timeout: 30_000 });
    await expect(drawing).toHaveAttribute("data-clusters", "2");
    await expect(projector.locator(".election-drawing")).toHaveAttribute("data-clusters", "2");

    // ---- E5: both clusters elect a leader ---------------------------------------------------
    for (const cluster of [1, 2]) await leaderOf(teacher, cluster);
    await expect(cluster(projector, 1)).not.toHaveAttribute("data-leader", "");
    await everyScreen(teacher, projector, "01-elected", phones);

    // ---- E6: a client command commits once a majority stores it ------------------------------
    const commands = teacher.locator(".commands");
    await commands.getByLabel("Cluster", { exact: true }).selectOption({ index: 0 });
    await commands.getByLabel("Command").fill("x=3");
    await commands.getByRole("button", { name: "Send to the leader" }).click();
    await expect(commands.locator(".command--committed")).toContainText("x=3", {
      timeout: 30_000,
    });
    await expect(cluster(teacher, 1)).toHaveAttribute("data-committed", "1");
    await commands.getByLabel("Command").fill("");
    await commands.getByRole("button", { name: "Send to the leader" }).click();
    await expect(commands.getByText(/Write a command of 1 to 40 characters/)).toBeVisible();

    // ---- N4, E9: a click crashes cluster 1's leader; the others elect the next ---------------
    const crashed = await leaderOf(teacher, 1);
    await clickNode(drawing, crashed - 1);
    await expect(teacher.locator(".legend")).toContainText("Crashed nodes: 1");
    await expect(cluster(teacher, 1)).not.toHaveAttribute("data-leader", String(crashed));
    await everyScreen(teacher, projector, "02-leader-crashed", phones);
    await expect.poll(() => leaderOf(teacher, 1), { timeout: 40_000 }).not.toBe(crashed);
    await everyScreen(teacher, projector, "03-new-leader", phones);

    // ---- N5, CAP: cluster 2 split two against three ------------------------------------------
    const partition = teacher.locator(".partition");
    const nodeButton = (node: number) =>
      partition.getByRole("button", { name: new RegExp(`^Node ${node}( · [^:]*)?:`) });
    for (const node of [6, 7]) await nodeButton(node).click();
    for (const node of [8, 9, 10]) {
      const button = nodeButton(node);
      await button.click();
      await button.click();
    }
    await expect(teacher.getByText("Group A: 2 nodes · group B: 3 nodes")).toBeVisible();
    const termBefore = Number(await cluster(teacher, 2).getAttribute("data-term"));
    await teacher.getByRole("button", { name: "Split the network" }).click();
    await expect(teacher.locator(".legend")).toContainText("Network partitioned");
    // Some side's timers run out: a new term begins, and only the majority side can win it.
    await expect
      .poll(async () => Number(await cluster(teacher, 2).getAttribute("data-term")), {
        timeout: 40_000,
      })
      .toBeGreaterThan(termBefore);
    await expect(cluster(teacher, 2)).toHaveAttribute("data-available", "true", {
      timeout: 40_000,
    });
    await commands.getByLabel("Cluster", { exact: true }).selectOption({ index: 1 });
    await commands.getByLabel("Command").fill("y=1");
    await commands.getByRole("button", { name: "Send to the leader" }).click();
    await expect(commands.locator(".command--committed", { hasText: "y=1" })).toBeVisible({
      timeout: 40_000,
    });
    await everyScreen(teacher, projector, "04-partitioned", phones);
    await teacher.getByRole("button", { name: /Heal everything/ }).click();
    await expect(teacher.locator(".legend")).toContainText("No faults right now");

    // ---- E7, E8 mid-round: the rules off, the engine answering routine messages --------------
    const rules = teacher.locator(".settings");
    await rules.getByLabel(/^Permissive:/).check();
    await expect(rules.getByText(/Students may now break Raft's rules/)).toBeVisible();
    await expect(projector.locator(".violations")).toContainText("No safety violation so far.");
    await rules.getByLabel("Assist level").selectOption("assisted");
    await expect(rules.getByLabel("Assist level")).toHaveValue("assisted");

    // ---- E9: the debrief, beside the Raft bots ------------------------------------------------
    await teacher.getByRole("button", { name: /End round/ }).click();
    await teacher.getByRole("button", { name: "Yes, end the round" }).click();
    const debrief = teacher.getByTestId("debrief");
    await expect(debrief).toHaveAttribute("data-mode", "election", { timeout: 30_000 });
    await expect(debrief.getByText("Raft bots").first()).toBeVisible();
    await expect(debrief).toContainText("Time to elect a new leader");
    await expect(debrief).toContainText("Partitions (CAP)");
    await expect(projector.getByTestId("debrief")).toHaveAttribute("data-mode", "election");
    await everyScreen(teacher, projector, "05-debrief", phones);
    // P7: the same debrief in German.
    await teacher.getByRole("button", { name: "Deutsch" }).click();
    await expect(debrief).toContainText("Zeit ohne Leader");
    await snapshot(teacher, "election-console-06-debrief-de-teacher");

    for (const { page } of phones) await page.context().close();
    await projector.context().close();
  });
});

test.describe("the election console, a large class", () => {
  test.skip(
    () => test.info().project.name !== "projector",
    "the teacher's laptop and a projector at 1920×1080",
  );

  test("P4, §3.2: thirty servers as six rings, then as one ring of the whole class", async ({
    page: teacher,
    browser,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const opened = await openClass(teacher);
    const projector = await projectorScreen(browser, baseURL!, opened.projectorUrl);
    await teacher
      .getByLabel("Game", { exact: true })
      .selectOption({ label: "Leader election (Raft)" });
    await teacher.getByLabel("Nodes", { exact: true }).fill("30");
    await teacher.getByLabel("Nodes", { exact: true }).blur();
    await expect(teacher.getByTestId("cluster-split")).toHaveText(
      "6 clusters of 5, 5, 5, 5, 5, 5 servers",
    );
    await teacher.getByLabel("Election timeout").selectOption({ label: "Short (4–8 s)" });
    await teacher.getByRole("button", { name: "Start the round" }).click();
    await expect(teacher.locator(".console__network")).toHaveAttribute("data-clusters", "6", {
      timeout: 30_000,
    });
    for (const cluster of [1, 6]) await leaderOf(teacher, cluster);
    await everyScreen(teacher, projector, "07-six-clusters");
    await endAndNext(teacher);

    await teacher.getByLabel(/One cluster of the whole class/).check();
    await expect(teacher.getByTestId("cluster-split")).toHaveText("One cluster of 30 servers");
    await teacher.getByLabel("Election timeout").selectOption({ label: "Medium (8–16 s)" });
    await teacher.getByRole("button", { name: "Start the round" }).click();
    await expect(teacher.locator(".console__network")).toHaveAttribute("data-clusters", "1", {
      timeout: 30_000,
    });
    // E2: timers run out and the first candidates stand (thirty servers take a while to agree).
    await expect(cluster(teacher, 1)).not.toHaveAttribute("data-term", "0", { timeout: 30_000 });
    await everyScreen(teacher, projector, "08-whole-class");
    await endAndNext(teacher);
    await projector.context().close();
  });
});

async function endAndNext(teacher: Page): Promise<void> {
  await teacher.getByRole("button", { name: /End round/ }).click();
  await teacher.getByRole("button", { name: "Yes, end the round" }).click();
  await expect(teacher.getByTestId("debrief")).toHaveAttribute("data-mode", "election", {
    timeout: 30_000,
  });
  await teacher.getByRole("button", { name: "Next round" }).click();
}

function cluster(page: Page, number: number): Locator {
  return page.getByTestId(`cluster-${number}`).first();
}

/** The leader (numbered from 1) of a cluster once it has one, from its card on the console. */
async function leaderOf(page: Page, number: number): Promise<number> {
  const card = cluster(page, number);
  await expect(card).toHaveAttribute("data-leader", /^\d+$/, { timeout: 40_000 });
  return Number(await card.getAttribute("data-leader"));
}

/** A node's centre on the drawing, as the drawing reports it (data-centres, CSS pixels). */
async function clickNode(drawing: Locator, node: number): Promise<void> {
  const centres = (await drawing.getAttribute("data-centres"))!.split(" ");
  const [x, y] = centres[node]!.split(",").map(Number);
  await drawing.click({ position: { x: x!, y: y! } });
}

async function everyScreen(
  teacher: Page,
  projector: Page,
  step: string,
  phones: Phone[] = [],
): Promise<void> {
  await snapshot(teacher, `election-console-${step}-teacher`);
  await projector.screenshot({
    path: `artifacts/screenshots/election-console-${step}-projector.png`,
  });
  for (const student of phones) {
    await shot(student.page, `election-console-${step}-${student.nickname.toLowerCase()}`);
  }
}
