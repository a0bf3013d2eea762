import type { Locator, Page } from "@playwright/test";
import { expect, snapshot, test } from "./fixtures.ts";
import { join, openClass, type Phone, phone, projectorScreen, shot } from "./people.ts";
import { forwardAPacket, nodeOnConsole, recordFeedback, watchSockets } from "./router.ts";

/**
 * Issue 5's lesson in real browsers: five phones (360×740) and twenty bots play a unicast, a
 * flooding and a reliable round while the teacher uses every fault and setting from the console
 * (1920×1080) and a projector shows the class. Screens are saved as
 * artifacts/screenshots/routing-<step>-<who>-{projector,phone}.png.
 */

const STUDENTS = ["Ada", "Ben", "Cleo", "Dev", "Eve"];
const NODES = 25;

test.describe("a routing lesson", () => {
  test.skip(
    () => test.info().project.name !== "projector",
    "one flow with the teacher's laptop, a projector and five phones of their own",
  );

  test("R2, R6, R7, R8, N4–N7, R9: five phones and twenty bots play every variant through every fault", async ({
    page: teacher,
    browser,
    baseURL,
  }) => {
    test.setTimeout(300_000);
    const server = baseURL!;
    // The console fetches the drawing (and Phaser) while the class gathers in the lobby.
    const drawingFetched = teacher.waitForRequest(/\/mountLiveNetwork-[^/]*\.js$/);
    const opened = await openClass(teacher);
    await drawingFetched;
    const projector = await projectorScreen(browser, server, opened.projectorUrl);
    const phones = await Promise.all(STUDENTS.map((name) => phone(browser, server, name, "en-GB")));
    for (const student of phones) watchSockets(student.page, server, student.problems);
    await Promise.all(phones.map((student) => join(student, opened.code, "You're in!", "Join")));
    await expect(teacher.locator(".players__count")).toHaveText(String(STUDENTS.length));

    // ---- a scale-free network of 25: five students, twenty bots (D5) -----------------------
    await teacher.getByLabel("Network shape").selectOption({ label: "Internet-like" });
    await teacher.getByLabel("Nodes", { exact: true }).fill(String(NODES));
    await teacher.getByLabel("Nodes", { exact: true }).blur();
    await expect(teacher.getByText("Students: 5 · bots on the other nodes: 20")).toBeVisible();
    await teacher.getByLabel(/New packets/).fill("3");
    await startRound(teacher, projector, phones);
    await everyScreen(teacher, projector, phones, "01-unicast");

    // ---- R2 unicast: every student forwards a packet ---------------------------------------
    await Promise.all(phones.map((student) => forwardAPacket(student)));
    await everyScreen(teacher, projector, phones, "02-forwarded");

    // ---- zoom and pan for large networks ----------------------------------------------------
    const drawing = teacher.locator(".console__network");
    await teacher.getByRole("button", { name: "Zoom in" }).click();
    await expect(drawing).toHaveAttribute("data-zoom", "1.50");
    // A drag moves the picture: every node's centre moves with it.
    const before = await centreOf(drawing, 0);
    await drag(teacher, drawing, -120, -60);
    await expect.poll(() => centreOf(drawing, 0)).not.toEqual(before);
    await snapshot(teacher, "routing-03-zoomed-teacher");
    await teacher.getByRole("button", { name: "Whole network" }).click();
    await expect(drawing).toHaveAttribute("data-zoom", "1.00");

    // ---- N4: a click on Eve's node crashes it, a second click restarts it ------------------
    const eve = phones[4]!;
    const eveNode = Number(await nodeOnConsole(teacher, "Eve"));
    await clickNode(drawing, eveNode);
    await expect(legend(teacher)).toContainText("Crashed nodes: 1");
    await expect(legend(projector)).toContainText("Topology doesn't change");
    await expect(eve.page.getByRole("alert")).toContainText("Your node is down");
    await everyScreen(teacher, projector, [eve], "04-crashed");
    await clickNode(drawing, eveNode);
    await expect(legend(teacher)).not.toContainText("Crashed nodes");
    await expect(eve.page.getByText("Your node is down")).toHaveCount(0);

    // ---- N7 cut: a click on a link cuts it, a second click heals it ------------------------
    const link = await clearLink(teacher, drawing);
    await drawing.click({ position: link.middle });
    await expect(legend(teacher)).toContainText("Cut links: 1");
    await everyScreen(teacher, projector, [], "05-cut");
    await drawing.click({ position: link.middle });
    await expect(legend(teacher)).not.toContainText("Cut links");

    // ---- N7 loss and latency, on every link and on one --------------------------------------
    const conditions = teacher.locator(".conditions");
    const links = await teacher
      .getByLabel("Link", { exact: true })
      .locator("option[value]")
      .count();
    await setRange(teacher.locator("#fault-loss"), 30);
    await applyIn(conditions, "#fault-loss");
    await expect(legend(teacher)).toContainText(`Links losing packets: ${links - 1}`);
    await teacher.getByLabel("Link", { exact: true }).selectOption({ index: 1 });
    const oneLink = conditions.getByLabel(/^only /);
    await expect(oneLink).toBeEnabled();
    await oneLink.check();
    await setRange(teacher.locator("#fault-loss"), 60);
    await applyIn(conditions, "#fault-loss");
    await expect(conditions.getByText(/now 60 %/)).toBeVisible();
    await setRange(teacher.locator("#fault-latency"), 40);
    await applyIn(conditions, "#fault-latency");
    await expect(conditions.getByText(/now 60 %, 4\.0 s/)).toBeVisible();
    await expect(legend(teacher)).toContainText("Links with higher latency: 1");
    await conditions.getByLabel("every link").check();
    await setRange(teacher.locator("#fault-latency"), 20);
    await applyIn(conditions, "#fault-latency");
    await expect(legend(teacher)).toContainText(`Links with higher latency: ${links - 1}`);
    await expect(legend(projector)).toContainText("Latency is zero");
    await everyScreen(teacher, projector, [], "06-loss-latency");

    // ---- N5 partition, drawn on the network -------------------------------------------------
    await teacher.getByLabel("puts a node into group A").check();
    for (const node of [0, 1, 2]) await clickNode(drawing, node);
    await teacher.getByLabel("puts a node into group B").check();
    for (const node of [3, 4, 5]) await clickNode(drawing, node);
    await expect(teacher.getByText("Group A: 3 nodes · group B: 3 nodes")).toBeVisible();
    await teacher.getByRole("button", { name: "Split the network" }).click();
    await expect(legend(teacher)).toContainText("Network partitioned");
    await everyScreen(teacher, projector, phones, "07-partitioned");

    // ---- N7 burst, then heal everything -----------------------------------------------------
    const sent = await counter(teacher, "generated");
    await teacher.getByLabel("Traffic burst").selectOption("20");
    await teacher.getByRole("button", { name: "Send burst" }).click();
    await expect.poll(() => counter(teacher, "generated")).toBeGreaterThanOrEqual(sent + 20);
    await teacher.getByRole("button", { name: /Heal everything/ }).click();
    await expect(legend(teacher)).toContainText("No faults right now");

    // ---- mid-round settings: TTL, traffic, hints (R1, R8) -----------------------------------
    const settings = teacher.locator(".settings");
    await settings.getByLabel("Hop limit (TTL)").fill("5");
    await settings.getByRole("button", { name: "Apply" }).click();
    await expect(settings.getByRole("button", { name: "Apply" })).toBeDisabled();
    await setRange(teacher.locator("#settings-rate"), 4);
    await expect(settings.getByText("4 per second")).toBeVisible();
    await settings.getByLabel(/Show routing hints/).check();
    const ada = phones[0]!;
    const packet = ada.page.locator(".inbox__list .packet").first();
    await packet.tap({ timeout: 30_000 });
    await expect(ada.page.locator(".neighbour__hint").first()).toBeVisible();
    await shot(ada.page, "routing-08-hints-ada");
    await ada.page.getByRole("button", { name: "Cancel" }).tap();

    await endRound(teacher, projector, phones, "09-unicast-debrief");

    // ---- R6 flooding: a flood reaches the neighbours, and the phone remembers its id -------
    await nextRound(teacher, "Flooding");
    await startRound(teacher, projector, phones);
    await floodAPacket(ada);
    await everyScreen(teacher, projector, phones, "10-flooding");
    await endRound(teacher, projector, phones, "11-flood-debrief");

    // ---- R7 reliable: a packet waits for its ack, and is sent again ------------------------
    await nextRound(teacher, "Reliable delivery");
    await startRound(teacher, projector, phones);
    // Slow links, so the ack cannot come back before the student retransmits.
    await setRange(teacher.locator("#fault-latency"), 50);
    await applyIn(teacher.locator(".conditions"), "#fault-latency");
    const sender = await sendReliably(phones);
    await everyScreen(teacher, projector, [sender], "12-reliable");
    await endRound(teacher, projector, phones, "13-reliable-debrief");

    for (const { page, nickname, problems } of phones) {
      expect(problems, `${nickname}: off-origin requests and page errors (P8)`).toEqual([]);
      await page.context().close();
    }
    await projector.context().close();
  });
});

async function startRound(teacher: Page, projector: Page, phones: Phone[]): Promise<void> {
  await teacher.getByRole("button", { name: "Start the round" }).click();
  await expect(teacher.locator(".console__network")).toHaveAttribute("data-nodes", String(NODES), {
    timeout: 30_000,
  });
  await expect(projector.locator(".network--live")).toHaveAttribute("data-nodes", String(NODES));
  for (const student of phones) await expect(student.page.locator(".map")).toBeVisible();
}

async function endRound(
  teacher: Page,
  projector: Page,
  phones: Phone[],
  step: string,
): Promise<void> {
  await teacher.getByRole("button", { name: /End round/ }).click();
  await teacher.getByRole("button", { name: "Yes, end the round" }).click();
  await expect(teacher.getByTestId("debrief")).toBeVisible({ timeout: 30_000 });
  await expect(teacher.getByTestId("debrief").getByText("Shortest-path bot").first()).toBeVisible();
  await expect(projector.getByTestId("debrief")).toBeVisible();
  for (const student of phones) {
    await expect(student.page.getByRole("heading", { name: "Round over" })).toBeVisible();
  }
  await everyScreen(teacher, projector, phones.slice(0, 1), step);
}

async function nextRound(teacher: Page, variant: string): Promise<void> {
  await teacher.getByRole("button", { name: "Next round" }).click();
  await teacher.getByLabel(variant).check();
}

/** R6 on a phone: pick a packet and flood it; the phone lists the flood among those it has seen. */
async function floodAPacket(student: Phone): Promise<void> {
  const { page } = student;
  const card = page.locator(".inbox__list .packet").first();
  await expect(card).toBeVisible({ timeout: 30_000 });
  const id = /#(\d+)/.exec((await card.locator(".packet__kind").textContent()) ?? "")?.[1];
  await card.tap();
  const said = await recordFeedback(page);
  await page.getByRole("button", { name: "Flood", exact: true }).tap();
  await expect.poll(said).toContain(`Packet #${id} went to all your other neighbours.`);
  await expect(page.locator(".seen")).toContainText(`#${id}`);
}

/**
 * R7 on a phone: a student whose node is a packet's source sends it on; it waits for its ack
 * with a countdown, and the student sends it again.
 */
async function sendReliably(phones: Phone[]): Promise<Phone> {
  const own = (student: Phone) =>
    student.page.locator(".inbox__list .packet", { hasText: "starts here" }).first();
  let sender: Phone | undefined;
  await expect
    .poll(
      async () => {
        for (const student of phones) {
          if ((await own(student).count()) > 0) sender = student;
        }
        return sender?.nickname;
      },
      { timeout: 60_000 },
    )
    .toBeDefined();
  const { page } = sender!;
  await own(sender!).tap();
  await page.locator(".map .neighbour:not(.neighbour--down)").first().tap();
  const waiting = page.locator(".unacked__item").first();
  await expect(waiting).toContainText(/timeout in \d+ s/);
  const seq = /seq (\d+)/.exec((await waiting.textContent()) ?? "")?.[1];
  const said = await recordFeedback(page);
  await waiting.getByRole("button", { name: `Retransmit seq ${seq}` }).tap();
  await expect.poll(said).toContain(`Sent seq ${seq} again.`);
  await expect(waiting).toContainText("attempt 2");
  return sender!;
}

function legend(page: Page): Locator {
  return page.locator(".legend");
}

/** A counter under the drawing (data-counter: generated, delivered, held). */
async function counter(page: Page, name: string): Promise<number> {
  const value = await page.locator(`.console__figures [data-counter=${name}]`).textContent();
  return Number((value ?? "").replace(/,/g, "").replace(/\D.*$/, ""));
}

/** A range input set as a person drags it: the value, then `input` and `change`. */
async function setRange(range: Locator, value: number): Promise<void> {
  await range.fill(String(value));
}

async function applyIn(conditions: Locator, field: string): Promise<void> {
  await conditions
    .locator(".field", { has: conditions.page().locator(field) })
    .getByRole("button", { name: "Apply" })
    .click();
}

/** A node's centre on the drawing, as the drawing reports it (data-centres, CSS pixels). */
async function centreOf(drawing: Locator, node: number): Promise<{ x: number; y: number }> {
  const centres = (await drawing.getAttribute("data-centres"))!.split(" ");
  const [x, y] = centres[node]!.split(",").map(Number);
  return { x: x!, y: y! };
}

async function clickNode(drawing: Locator, node: number): Promise<void> {
  await drawing.click({ position: await centreOf(drawing, node) });
}

/** The middle of the link whose middle lies furthest from every node: a click there hits no node. */
async function clearLink(
  teacher: Page,
  drawing: Locator,
): Promise<{ middle: { x: number; y: number } }> {
  const labels = await teacher
    .getByLabel("Link", { exact: true })
    .locator("option[value]:not([value=''])")
    .allTextContents();
  const centres = (await drawing.getAttribute("data-centres"))!
    .split(" ")
    .map((pair) => pair.split(",").map(Number) as [number, number]);
  let best = { room: -1, middle: { x: 0, y: 0 } };
  for (const label of labels) {
    const [a, b] = label.split("↔").map((end) => centres[Number(/\d+/.exec(end)?.[0]) - 1]!);
    const middle = { x: (a![0] + b![0]) / 2, y: (a![1] + b![1]) / 2 };
    const room = Math.min(...centres.map(([x, y]) => Math.hypot(x - middle.x, y - middle.y)));
    if (room > best.room) best = { room, middle };
  }
  return best;
}

/** A mouse drag across the drawing by (dx, dy) pixels. */
async function drag(page: Page, drawing: Locator, dx: number, dy: number): Promise<void> {
  const box = (await drawing.boundingBox())!;
  const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + dx, start.y + dy, { steps: 8 });
  await page.mouse.up();
}

/** The console and projector as whole pages, and each given phone as its screen. */
async function everyScreen(
  teacher: Page,
  projector: Page,
  phones: Phone[],
  step: string,
): Promise<void> {
  await snapshot(teacher, `routing-${step}-teacher`);
  await projector.screenshot({ path: `artifacts/screenshots/routing-${step}-projector.png` });
  for (const student of phones) {
    await shot(student.page, `routing-${step}-${student.nickname.toLowerCase()}`);
  }
}
