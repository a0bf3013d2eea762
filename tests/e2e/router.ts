import type { Page } from "@playwright/test";
import { expect } from "./fixtures.ts";
import { type Phone, shot } from "./people.ts";

/**
 * What the browser tests do on a phone's router screen (R2) and read off the teacher's console:
 * the same steps in every routing test.
 */

/**
 * R2 on a phone: tap the oldest packet, then a neighbour whose link is up; the phone says it is
 * on its way, and the link's count of recent transmissions shows the server applied it. `picked`:
 * a screenshot name for the phone with the packet picked.
 */
export async function forwardAPacket(student: Phone, picked?: string): Promise<void> {
  const { page } = student;
  const oldest = page.locator(".inbox__list .packet").first();
  await expect(oldest).toBeVisible({ timeout: 30_000 });
  const id = /#(\d+)/.exec((await oldest.locator(".packet__kind").textContent()) ?? "")?.[1];
  expect(id, "the packet card shows its number").toBeDefined();
  // The card's text runs on ("Data #3TTL 7to Ben…"): the number ends where the digits do.
  const packet = page.locator(".inbox__list .packet", { hasText: new RegExp(`#${id}(?!\\d)`) });
  await packet.tap({ timeout: 10_000 });
  await expect(packet).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByText(`Packet #${id} to`, { exact: false })).toBeVisible();
  if (picked) await shot(page, picked);
  const neighbour = page.locator(".map .neighbour:not(.neighbour--down)").first();
  await expect(neighbour).toBeEnabled();
  const name = phoneNameOf(await neighbour.locator(".neighbour__name").textContent());
  const said = await recordFeedback(page);
  await neighbour.tap();
  await expect(packet).toHaveCount(0);
  // The strip under the thumb says it, if only until the node's next news (a full inbox's losses).
  await expect.poll(said).toContain(`Packet #${id} is on its way to ${name}.`);
  await expect(
    page.getByRole("button", { name: `Forward to ${name}`, exact: true }),
  ).toHaveAccessibleDescription(/ of [1-9]\d* arrived/);
}

/** Every line the phone's feedback strip shows from now on, however briefly. */
export async function recordFeedback(page: Page): Promise<() => Promise<string[]>> {
  await page.locator(".dock__feedback").evaluate((strip) => {
    const said: string[] = [];
    (window as unknown as { saidOnStrip: string[] }).saidOnStrip = said;
    new MutationObserver((changes) => {
      for (const change of changes) {
        for (const added of change.addedNodes) said.push(added.textContent ?? "");
      }
    }).observe(strip, { childList: true, subtree: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { saidOnStrip: string[] }).saidOnStrip);
}

/** The neighbours a phone's map shows, by the names it gives them. */
export async function neighboursOnPhone(page: Page): Promise<string[]> {
  const names = await page.locator(".map .neighbour__name").allTextContents();
  return names.map(phoneNameOf).sort();
}

/**
 * A neighbour's label without the ★ that marks a picked packet's destination and the arrow a
 * hub's list gives each neighbour.
 */
export function phoneNameOf(label: string | null): string {
  return (label ?? "").replace(/^[★→↘↓↙←↖↑↗\s]+/u, "").trim();
}

/** The console's name for a node ("3 · Ada", or "5" for a bot's) as a phone says it. */
export function phoneNameOfConsole(label: string): string {
  const [, number, name] = /^(\d+)(?: · (.+))?$/.exec(label.trim()) ?? [];
  return name ?? `Node ${number}`;
}

/** A student's node in the console's list of nodes ("3 · Ada"). */
export function nodeOption(teacher: Page, nickname: string) {
  return teacher
    .getByLabel("Node", { exact: true })
    .locator("option", { hasText: new RegExp(`^\\d+ · ${nickname}\\b`) });
}

/** The value of a student's node in the console's node list (the node's index). */
export async function nodeOnConsole(teacher: Page, nickname: string): Promise<string> {
  const option = nodeOption(teacher, nickname);
  await expect(option).toHaveCount(1);
  return (await option.getAttribute("value"))!;
}

/** A student's neighbours by the console's list of links (the teacher's whole network). */
export async function neighboursOnConsole(teacher: Page, nickname: string): Promise<string[]> {
  const links = await teacher
    .getByLabel("Link", { exact: true })
    .locator("option")
    .allTextContents();
  const names: string[] = [];
  for (const link of links) {
    const ends = link.replace(/—.*$/, "").split("↔");
    if (ends.length !== 2) continue; // "Choose a link"
    const [a, b] = ends.map(phoneNameOfConsole);
    if (a === nickname) names.push(b!);
    else if (b === nickname) names.push(a!);
  }
  return names.sort();
}

/** P8: every WebSocket a page opens goes to the server it came from. */
export function watchSockets(page: Page, server: string, problems: string[] = []): string[] {
  const host = new URL(server).host;
  page.on("websocket", (socket) => {
    if (new URL(socket.url()).host !== host) problems.push(socket.url());
  });
  return problems;
}
