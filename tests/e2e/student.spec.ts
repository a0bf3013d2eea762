import { Client } from "@colyseus/sdk";
import type { HostCommand } from "@quorum/shared/platform/protocol";
import { expect, test } from "./fixtures.ts";
import { join, phone, shot } from "./people.ts";
import { E2E_TEACHER } from "./teacherAccount.ts";

/**
 * The student side end to end (P3, P4, P7, R2, N4, D3): a teacher's session made over the HTTP
 * API, its room driven by an SDK client in the test as the teacher's console would, and three
 * phones in separate browser contexts that join by code, route packets, reload, crash and read
 * their debrief. Every phone screen is saved as artifacts/screenshots/student-*-phone.png.
 */

interface PlainState {
  phase: string;
  tick: number;
  players: Record<string, { id: string; nickname: string; node: number; connected: boolean }>;
  routing?: { board?: { links: { link: number; a: number; b: number }[] } };
}

test.describe("the student's phone", () => {
  test.beforeEach(() => {
    test.skip(test.info().project.name !== "phone", "a phone flow; the projector has its own");
  });

  test("P3, R2, N4, D3: join by code, route a packet, come back after a reload, crash, debrief", async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const server = baseURL!;
    const accessToken = await signIn(server);
    const session = await createSession(server, accessToken);
    const host = await new Client(server).joinById(session.roomId, { token: accessToken });
    host.onMessage("*", () => {}); // the console's events and debrief: not this test's business
    const command = (message: HostCommand) => host.send("host", message);
    const hostState = () => (host.state as { toJSON(): PlainState }).toJSON();

    // ---- join: three phones, one of them German ---------------------------------------------
    const ada = await phone(browser, server, "Ada", "en-GB");
    const bob = await phone(browser, server, "Bob", "de-DE");
    const cy = await phone(browser, server, "Cy", "en-GB");
    await join(ada, session.code, "You're in!", "Join");
    await shot(ada.page, "student-lobby");
    // P3: nicknames are unique per session, whatever their case.
    await bob.page.goto(`/join/${session.code}`);
    await bob.page.locator("#join-nickname").fill("ADA");
    await bob.page.getByRole("button", { name: "Beitreten", exact: true }).tap();
    const taken = bob.page.getByRole("status");
    await expect(taken).toHaveText(
      "In dieser Klasse heißt schon jemand ADA. Wähl bitte einen anderen Namen.",
    );
    await expect(taken).toBeInViewport({ ratio: 1 });
    await shot(bob.page, "student-join-taken-de");
    await join(bob, session.code, "Du bist dabei!", "Beitreten");
    await join(cy, session.code, "You're in!", "Join");
    await expect(ada.page.getByText("Players in the class: 3")).toBeVisible();
    await shot(bob.page, "student-lobby-de");

    // ---- a routing round of three: a triangle, so everyone neighbours everyone ----------------
    command({
      type: "configure",
      mode: "routing",
      nodes: 3,
      config: { preset: "ring", latency: [3, 6], trafficRate: 2, ttl: 6 },
    });
    command({ type: "start" });
    await expect(ada.page.getByText("The round starts in")).toBeVisible();
    await shot(ada.page, "student-countdown");

    // ---- Ada picks a packet and forwards it ----------------------------------------------------
    const inbox = ada.page.locator(".inbox__list .packet");
    await expect(inbox.first()).toBeVisible({ timeout: 20_000 });
    await shot(ada.page, "student-running");
    await inbox.first().tap();
    await expect(inbox.first()).toHaveAttribute("aria-pressed", "true");
    await expect(ada.page.getByText(/tap a neighbour on the map/)).toBeVisible();
    await shot(ada.page, "student-picked");
    // In a triangle the destination is a neighbour: one hop delivers it and Ada scores (R4).
    const destination = (await inbox.first().locator(".packet__to").textContent())?.slice(3);
    await ada.page.getByRole("button", { name: new RegExp(`^Forward to ${destination}`) }).tap();
    await expect(ada.page.getByText(`is on its way to ${destination}.`)).toBeVisible();
    await shot(ada.page, "student-forwarded");
    await expect(ada.page.locator(".stat").first()).toContainText("1");

    // ---- D3: a cut link is explained when Ada tries it -----------------------------------------
    await expect.poll(() => nodeOf(hostState(), "Bob")).toBeGreaterThanOrEqual(0);
    const adaNode = nodeOf(hostState(), "Ada");
    const bobNode = nodeOf(hostState(), "Bob");
    const link = hostState().routing?.board?.links.find(
      ({ a, b }) => (a === adaNode && b === bobNode) || (a === bobNode && b === adaNode),
    );
    expect(link, "the ring links Ada and Bob").toBeDefined();
    command({ type: "fault", fault: { type: "cut", link: link!.link } });
    const toBob = ada.page.getByRole("button", { name: /^Forward to Bob/ });
    await expect(toBob).toHaveAccessibleDescription(/link down/);
    await expect(inbox.first()).toBeVisible({ timeout: 20_000 });
    await inbox.first().tap();
    await toBob.tap();
    await expect(ada.page.getByText("Your link to Bob is down. (N2)")).toBeVisible();
    await shot(ada.page, "student-rejected");
    command({ type: "fault", fault: { type: "heal-link", link: link!.link } });

    // ---- P3: Bob reloads and is back on the same node ------------------------------------------
    await expect(bob.page.locator(".map")).toBeVisible();
    const scripts: string[] = [];
    bob.page.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
    });
    await bob.page.reload();
    await expect(bob.page.locator(".map")).toBeVisible();
    // P7: the phone draws its map with SVG; the network drawing (and Phaser with it) never loads.
    expect(scripts.some((path) => /PlayPage/.test(path))).toBe(true);
    expect(scripts.filter((path) => /mount(Live)?Network/.test(path))).toEqual([]);
    await expect(bob.page.locator(".play-bar__name")).toHaveText("Bob");
    await expect.poll(() => nodeOf(hostState(), "Bob")).toBe(bobNode);
    await expect.poll(() => connected(hostState(), "Bob")).toBe(true);
    await shot(bob.page, "student-reloaded-de");

    // ---- P3: the network drops for longer than the SDK's own reconnection tries (about 6 s), so
    // the phone comes back with a fresh join on its stored token — to the same node.
    const cyNode = nodeOf(hostState(), "Cy");
    await cy.page.context().setOffline(true);
    await expect(cy.page.getByText("You're offline.", { exact: false })).toBeVisible();
    await shot(cy.page, "student-offline");
    await expect.poll(() => connected(hostState(), "Cy"), { timeout: 10_000 }).toBe(false);
    await cy.page.waitForTimeout(8_000);
    await cy.page.context().setOffline(false);
    await expect(cy.page.getByText("Connected again.")).toBeVisible({ timeout: 30_000 });
    await expect(cy.page.locator(".connection")).toHaveCount(0);
    await expect.poll(() => connected(hostState(), "Cy")).toBe(true);
    expect(nodeOf(hostState(), "Cy")).toBe(cyNode);

    // ---- N4: the teacher crashes Bob's node ----------------------------------------------------
    command({ type: "fault", fault: { type: "crash", node: bobNode } });
    await expect(bob.page.getByText("Dein Knoten ist ausgefallen")).toBeVisible();
    await shot(bob.page, "student-down-de");

    // ---- P3: the teacher removes Cy ------------------------------------------------------------
    const cyId = idOf(hostState(), "Cy");
    command({ type: "remove", player: cyId });
    await expect(
      cy.page.getByRole("heading", { name: "You were removed from the game" }),
    ).toBeVisible();
    expect(
      await cy.page.evaluate((code) => localStorage.getItem(`quorum.seat.${code}`), session.code),
    ).toBeNull();
    await shot(cy.page, "student-removed");

    // ---- P5, R9: the round ends, each phone shows its debrief ----------------------------------
    command({ type: "end" });
    await expect(ada.page.getByRole("heading", { name: "Round over" })).toBeVisible();
    await expect(ada.page.getByText(/Every hop was somebody's decision/)).toBeVisible();
    await expect(ada.page.getByText(/packets arrived\./)).toBeVisible();
    await shot(ada.page, "student-debrief");
    await expect(bob.page.getByRole("heading", { name: "Runde vorbei" })).toBeVisible();
    await shot(bob.page, "student-debrief-de");

    // ---- P3: the join page knows this device's seat and leads back to it -----------------------
    await ada.page.goto(`/join/${session.code}`);
    await expect(
      ada.page.getByText(`On this device you already play in ${session.code} as Ada.`),
    ).toBeVisible();
    await ada.page.getByRole("link", { name: "Back to the game" }).tap();
    await expect(ada.page.getByRole("heading", { name: "Round over" })).toBeVisible();

    await host.leave();
    for (const { page, problems } of [ada, bob, cy]) {
      expect(problems, "off-origin requests and page errors (P8)").toEqual([]);
      await page.context().close();
    }
  });
  test("R7, R6: the reliable round's unacked packets and retransmit, the flood round's seen ids", async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const server = baseURL!;
    const accessToken = await signIn(server);
    const session = await createSession(server, accessToken);
    const host = await new Client(server).joinById(session.roomId, { token: accessToken });
    host.onMessage("*", () => {});
    const command = (message: HostCommand) => host.send("host", message);
    const dee = await phone(browser, server, "Dee", "en-GB");
    await join(dee, session.code, "You're in!", "Join");
    const { page } = dee;

    // R7: Dee's node is an end host among bots; what it sends waits for an ack, and a short
    // timeout soon offers the retransmit.
    command({
      type: "configure",
      mode: "routing",
      nodes: 4,
      config: {
        preset: "ring",
        variant: "reliable",
        trafficRate: 4,
        latency: [2, 4],
        retransmitTimeout: 30,
      },
    });
    command({ type: "start" });
    await expect(page.getByRole("heading", { name: "Waiting for acknowledgements" })).toBeVisible({
      timeout: 20_000,
    });
    const retransmit = page.getByRole("button", { name: /^Retransmit seq \d+$/ }).first();
    await expect(retransmit).toBeVisible({ timeout: 30_000 });
    await page
      .getByRole("heading", { name: "Waiting for acknowledgements" })
      .scrollIntoViewIfNeeded();
    await shot(page, "student-reliable");
    const label = await retransmit.textContent();
    await retransmit.tap();
    await expect(page.getByText(`Sent ${label?.replace("Retransmit ", "")} again.`)).toBeVisible();

    // R6: a flood round; the node remembers the flood ids it has seen.
    command({ type: "end" });
    await expect(page.getByRole("heading", { name: "Round over" })).toBeVisible();
    await expect(page.getByText(/Acknowledgements, timeouts and sequence numbers/)).toBeVisible();
    command({ type: "next" });
    await expect(page.getByRole("heading", { name: "You're in!" })).toBeVisible();
    command({
      type: "configure",
      mode: "routing",
      nodes: 4,
      config: { preset: "ring", variant: "flood", trafficRate: 2, latency: [2, 4] },
    });
    command({ type: "start" });
    const flood = page.locator(".inbox__list .packet--flood").first();
    await expect(flood).toBeVisible({ timeout: 30_000 });
    // P5: while the teacher pauses, the phone says so and its controls rest.
    command({ type: "pause" });
    await expect(page.getByText("Paused by the teacher. Hold on…")).toBeVisible();
    await expect(flood).toBeDisabled();
    await shot(page, "student-paused");
    command({ type: "resume" });
    await expect(flood).toBeEnabled();
    await flood.tap();
    await page.getByRole("button", { name: "Flood", exact: true }).tap();
    await expect(page.getByText(/went to all your other neighbours\./)).toBeVisible();
    await expect(page.locator(".seen li").first()).toBeVisible();
    await page.getByRole("heading", { name: "Floods you have seen" }).scrollIntoViewIfNeeded();
    await shot(page, "student-flood");

    command({ type: "end" });
    await expect(
      page.getByText(/Flooding reaches every node without knowing the way/),
    ).toBeVisible();
    await host.leave();
    expect(dee.problems, "off-origin requests and page errors (P8)").toEqual([]);
    await page.context().close();
  });
});

async function signIn(server: string): Promise<string> {
  const response = await fetch(new URL("/api/auth/login", server), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(E2E_TEACHER),
  });
  expect(response.status, "the e2e teacher signs in").toBe(200);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function createSession(server: string, accessToken: string) {
  const response = await fetch(new URL("/api/sessions", server), {
    method: "POST",
    headers: { authorization: `Bearer ${accessToken}`, "content-type": "application/json" },
    body: "{}",
  });
  expect(response.status, "a session is created").toBe(201);
  return (await response.json()) as { code: string; roomId: string };
}

function player(state: PlainState, nickname: string) {
  const found = Object.values(state.players).find((entry) => entry.nickname === nickname);
  if (!found) throw new Error(`${nickname} is not in the class list`);
  return found;
}

const nodeOf = (state: PlainState, nickname: string) => player(state, nickname).node;
const idOf = (state: PlainState, nickname: string) => player(state, nickname).id;
const connected = (state: PlainState, nickname: string) => player(state, nickname).connected;
