import { Client, type Room } from "@colyseus/sdk";
import type { Page } from "@playwright/test";
import { expect, snapshot, test } from "./fixtures.ts";
import { join, type Phone, phone, shot, signInWithForm } from "./people.ts";
import {
  forwardAPacket,
  neighboursOnConsole,
  neighboursOnPhone,
  nodeOnConsole,
  nodeOption,
  watchSockets,
} from "./router.ts";

/**
 * A whole class in real browsers (issue 4): the teacher's console at 1920×1080 and three phones
 * at 360×740, from sign-in to the debrief. Every screen of every step is saved as
 * artifacts/screenshots/classroom-<step>-<who>-{projector,phone}.png.
 *
 * The browsers do everything. One read-only observer joins the room with the projector token the
 * console was given, to see what no screen shows: which nodes a bot plays (D5).
 */

/** The node a student plays and who drives it, as the room's host view has it. */
interface Observed {
  players: Record<string, { nickname: string; node: number; connected: boolean }>;
  routing?: { board?: { nodes?: { node: number; name: string; bot: string; up: boolean }[] } };
}

/** The bot that plays every node without a student (docs/protocol.md, D5). */
const SHORTEST_PATH = "shortest-path";

test.describe("a class in real browsers", () => {
  test.skip(
    () => test.info().project.name !== "projector",
    "one flow with the teacher's laptop and three phones of its own",
  );

  test("P1, P2, P3, P4, P5, D4, D5: a teacher runs a routing round for three phones that act, reload, sleep past the grace, crash and read the debrief", async ({
    page: teacher,
    browser,
    baseURL,
  }) => {
    test.setTimeout(240_000);
    const server = baseURL!;
    const sockets = watchSockets(teacher, server);

    // ---- P1: the teacher signs in on /login and lands on /teach ------------------------------
    await teacher.goto("/teach");
    await expect(teacher).toHaveURL(/\/login\?next=%2Fteach$/);
    await expect(teacher.getByRole("heading", { name: "Teacher sign-in" })).toBeVisible();
    await snapshot(teacher, "classroom-01-signin-teacher");
    await signInWithForm(teacher);
    await expect(teacher).toHaveURL(/\/teach$/);
    await expect(teacher.getByRole("heading", { name: "Your classes" })).toBeVisible();
    await snapshot(teacher, "classroom-02-dashboard-teacher");

    // ---- P2: a session with its code and QR code on the console -------------------------------
    const opened = teacher.waitForResponse(
      (response) =>
        /^\/api\/sessions\/[^/]+\/open$/.test(new URL(response.url()).pathname) &&
        response.request().method() === "POST",
    );
    await teacher.getByRole("button", { name: "Start a new class" }).click();
    await expect(teacher).toHaveURL(/\/teach\/[^/]+$/);
    const session = (await (await opened).json()) as { roomId: string; projectorUrl: string };
    const codeOnConsole = teacher.getByTestId("join-code");
    await expect(codeOnConsole).toHaveAttribute("data-code", /^[A-HJ-NP-Z2-9]{6}$/);
    const code = (await codeOnConsole.getAttribute("data-code"))!;
    await expect(codeOnConsole).toHaveText(`Game code: ${code}`);
    await expect(teacher.getByRole("img", { name: /QR code to join/ })).toHaveAttribute(
      "data-qr",
      new RegExp(`/join/${code}$`),
    );
    await expect(teacher.getByText("Nobody has joined yet.", { exact: false })).toBeVisible();
    await snapshot(teacher, "classroom-03-code-teacher");
    const observer = await observe(server, session);
    const seat = (nickname: string) => seatIn(observer, nickname);

    // ---- P3: three phones join from the landing page and appear in the lobby ------------------
    const ada = await phone(browser, server, "Ada", "en-GB");
    const ben = await phone(browser, server, "Ben", "en-GB");
    const cleo = await phone(browser, server, "Cleo", "en-GB");
    const phones = [ada, ben, cleo];
    for (const student of phones) watchSockets(student.page, server, student.problems);
    const players = teacher.locator(".players__list");
    for (const student of phones) {
      await join(student, code, "You're in!", "Join", `classroom-03-landing-${slug(student)}`);
      await expect(players.getByText(student.nickname, { exact: true })).toBeVisible();
    }
    await expect(teacher.locator(".players__count")).toHaveText("3");
    for (const student of phones) {
      await expect(student.page.getByText("Players in the class: 3")).toBeVisible();
    }
    await everyScreen(teacher, phones, "04-lobby");

    // ---- P5 configure: a small network, plenty of traffic, the rest are bots (D5) -------------
    await teacher.getByLabel("Network shape").selectOption({ label: "Random geometric" });
    await teacher.getByLabel("Nodes", { exact: true }).fill("8");
    await teacher.getByLabel("Nodes", { exact: true }).blur();
    await expect(teacher.getByText("Students: 3 · bots on the other nodes: 5")).toBeVisible();
    await teacher.getByLabel(/New packets/).fill("5");
    await expect(teacher.getByText("New packets: 5 per second")).toBeVisible();
    await teacher.getByLabel("Link latency").selectOption("fast");
    await everyScreen(teacher, phones, "05-configured");

    // ---- P5 countdown, then the round runs on every screen ------------------------------------
    // The countdown lasts 3 s: every screen is watched for it from before the click.
    const countdowns = [
      expect(teacher.getByRole("timer")).toBeVisible(),
      ...phones.map((student) =>
        expect(student.page.getByText("The round starts in")).toBeVisible(),
      ),
    ];
    await teacher.getByRole("button", { name: "Start the round" }).click();
    await Promise.all(countdowns);
    await Promise.all([
      snapshot(teacher, "classroom-06-countdown-teacher"),
      ...phones.map((student) => shot(student.page, `classroom-06-countdown-${slug(student)}`)),
    ]);
    await expect(teacher.locator(".console__network")).toHaveAttribute("data-nodes", "8", {
      timeout: 20_000,
    });
    await expect(teacher.locator(".phase-badge")).toHaveText(/Running/);
    for (const student of phones) await expect(student.page.locator(".map")).toBeVisible();
    // D5: bots play the five nodes no student sits on.
    await expect.poll(() => bots(observer)).toEqual({ students: ["Ada", "Ben", "Cleo"], bots: 5 });

    // D4: a phone shows its own node and exactly the neighbours the teacher's network gives it.
    const nodeOf = new Map<Phone, string>();
    for (const student of phones) {
      nodeOf.set(student, await nodeOnConsole(teacher, student.nickname));
      const neighbours = await neighboursOnPhone(student.page);
      expect(neighbours.length, `${student.nickname} has neighbours`).toBeGreaterThan(0);
      expect(neighbours).toEqual(await neighboursOnConsole(teacher, student.nickname));
      await expect(student.page.locator(".play-bar__name")).toHaveText(student.nickname);
      await expect(student.page.locator(".map__me-name")).toHaveText(student.nickname);
    }

    // ---- each student picks a packet and forwards it to a neighbour ---------------------------
    for (const student of phones) {
      await expect(student.page.locator(".inbox__list .packet").first()).toBeVisible({
        timeout: 30_000,
      });
    }
    await everyScreen(teacher, phones, "07-running");
    for (const student of phones) {
      await forwardAPacket(student, `classroom-08-picked-${slug(student)}`);
    }
    await everyScreen(teacher, phones, "09-forwarded");

    // ---- P3: Ada reloads and is back on the same node -----------------------------------------
    expect(seat("Ada").node).toBe(Number(nodeOf.get(ada)));
    const adaNeighbours = await neighboursOnPhone(ada.page);
    await ada.page.reload();
    await expect(ada.page.locator(".map")).toBeVisible();
    await expect(ada.page.locator(".play-bar__name")).toHaveText("Ada");
    await expect(ada.page.locator(".map__me-name")).toHaveText("Ada");
    expect(await neighboursOnPhone(ada.page)).toEqual(adaNeighbours);
    await expect.poll(() => seat("Ada").connected).toBe(true);
    expect(seat("Ada").node).toBe(Number(nodeOf.get(ada)));
    await everyScreen(teacher, phones, "10-reloaded");

    // ---- D5: Ben's phone sleeps for 60 s; after the 30 s grace a bot plays his node -----------
    const benNeighbours = await neighboursOnPhone(ben.page);
    const benNode = seat("Ben").node;
    expect(benNode).toBe(Number(nodeOf.get(ben)));
    await ben.page.context().setOffline(true);
    const asleepAt = Date.now();
    await expect(ben.page.getByText("You're offline.", { exact: false })).toBeVisible({
      timeout: 20_000,
    });
    await expect.poll(() => seat("Ben").connected, { timeout: 20_000 }).toBe(false);
    await expect.poll(() => seat("Ben").bot, { timeout: 50_000 }).toBe(SHORTEST_PATH);
    expect(seat("Ben")).toMatchObject({ node: benNode, name: "Ben" });
    await everyScreen(teacher, phones, "11-asleep");
    await ben.page.waitForTimeout(Math.max(0, asleepAt + 60_000 - Date.now()));
    await ben.page.context().setOffline(false);

    // P3, D5: back on his own node, played by him again.
    await expect(ben.page.getByText("Connected again.")).toBeVisible({ timeout: 30_000 });
    await expect(ben.page.locator(".connection")).toHaveCount(0);
    await expect(ben.page.locator(".play-bar__name")).toHaveText("Ben");
    await expect(ben.page.locator(".map__me-name")).toHaveText("Ben");
    expect(await neighboursOnPhone(ben.page)).toEqual(benNeighbours);
    await expect.poll(() => seat("Ben").bot).toBe("");
    expect(seat("Ben")).toMatchObject({ node: benNode, name: "Ben", connected: true });
    await everyScreen(teacher, phones, "12-awake");
    await forwardAPacket(ben, "classroom-12-awake-again-picked-ben");

    // ---- N4 from the console: the teacher crashes Cleo's node; only her phone says so (D4) -----
    // By value: a bare string would also match a bot node's label ("5").
    await teacher.getByLabel("Node", { exact: true }).selectOption({ value: nodeOf.get(cleo)! });
    await teacher.getByRole("button", { name: "Crash" }).click();
    await expect(teacher.getByText("Crashed nodes: 1")).toBeVisible();
    await expect(nodeOption(teacher, "Cleo")).toHaveText(/— crashed/);
    await expect(cleo.page.getByRole("alert")).toContainText("Your node is down");
    await expect(cleo.page.locator(".map__me-name")).toHaveCount(0);
    await expect(cleo.page.locator(".inbox__list .packet")).toHaveCount(0);
    for (const other of [ada, ben]) {
      await expect(other.page.getByText("Your node is down")).toHaveCount(0);
    }
    await everyScreen(teacher, phones, "13-crashed");

    // ---- P5: the teacher ends the round; the debrief is on the console and on every phone -----
    await teacher.getByRole("button", { name: /End round/ }).click();
    await teacher.getByRole("button", { name: "Yes, end the round" }).click();
    const debrief = teacher.getByTestId("debrief");
    await expect(debrief).toBeVisible({ timeout: 30_000 });
    await expect(debrief.getByText("Shortest-path bot").first()).toBeVisible();
    for (const student of phones) {
      await expect(student.page.getByRole("heading", { name: "Round over" })).toBeVisible();
      await expect(student.page.getByText(/packets arrived\./)).toBeVisible();
      await expect(student.page.getByText(/Every hop was somebody's decision/)).toBeVisible();
    }
    await everyScreen(teacher, phones, "14-debrief");

    await observer.leave();
    expect(sockets, "WebSockets of the console to another host (P8)").toEqual([]);
    for (const { page, nickname, problems } of phones) {
      expect(problems, `${nickname}: off-origin requests and page errors (P8)`).toEqual([]);
      await page.context().close();
    }
  });
});

function slug(student: Phone): string {
  return student.nickname.toLowerCase();
}

/** One screenshot of every screen: the console as a whole page, each phone as its screen. */
async function everyScreen(teacher: Page, phones: Phone[], step: string): Promise<void> {
  await snapshot(teacher, `classroom-${step}-teacher`);
  for (const student of phones) await shot(student.page, `classroom-${step}-${slug(student)}`);
}

/** The read-only projector seat the console's session came with (P4), as an observer. */
async function observe(
  server: string,
  session: { roomId: string; projectorUrl: string },
): Promise<Room> {
  const token = new URL(session.projectorUrl, server).searchParams.get("token");
  expect(token, "the console's projector link has a token").toBeTruthy();
  const room = await new Client(server).joinById(session.roomId, { token });
  room.onMessage("*", () => {});
  return room;
}

function seatIn(observer: Room, nickname: string) {
  const state = (observer.state as { toJSON(): Observed }).toJSON();
  const player = Object.values(state.players).find((entry) => entry.nickname === nickname);
  if (!player) throw new Error(`${nickname} is not in the class list`);
  const node = state.routing?.board?.nodes?.[player.node];
  return { node: player.node, connected: player.connected, name: node?.name, bot: node?.bot };
}

/** Who plays the round's nodes: the students' names, and how many nodes a bot plays. */
function bots(observer: Room) {
  const state = (observer.state as { toJSON(): Observed }).toJSON();
  const nodes = state.routing?.board?.nodes ?? [];
  return {
    students: nodes
      .filter((node) => node.bot === "")
      .map((node) => node.name)
      .sort(),
    bots: nodes.filter((node) => node.bot === SHORTEST_PATH && node.name === "").length,
  };
}
