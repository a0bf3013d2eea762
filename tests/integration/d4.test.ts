import {
  createRound,
  type Input,
  type Message,
  modeById,
  type ReplayLog,
  type Round,
  step,
} from "@quorum/shared";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  type Classroom,
  nodeOf,
  ownView,
  runningRound,
  sendAct,
  sendHost,
  startClassroom,
  storedRound,
  until,
} from "./harness.ts";

let classroom: Classroom;

beforeAll(async () => {
  classroom = await startClassroom();
});

afterAll(async () => {
  await classroom?.close();
});

interface Held {
  entry: number;
  id: number;
  arriveAt: number;
}

/** Every node's inbox at every tick of a finished round, re-simulated from its log (D1). */
function inboxesByTick(log: ReplayLog): Map<number, Held[][]> {
  const mode = modeById(log.mode)!;
  const round: Round = createRound(mode, log.config, log.roster, log.seed);
  const inputs = new Map<number, Input[]>();
  for (const input of log.inputs) inputs.set(input.t, [...(inputs.get(input.t) ?? []), input]);
  const ticks = new Map<number, Held[][]>();
  const take = () =>
    ticks.set(
      round.tick,
      round.net.inbox.map((inbox) =>
        (inbox as Message<{ id: number }>[]).map((message) => ({
          entry: message.id,
          id: message.payload.id,
          arriveAt: message.arriveAt,
        })),
      ),
    );
  take();
  while (round.tick < log.endTick) {
    step(mode, round, inputs.get(round.tick + 1) ?? []);
    take();
  }
  return ticks;
}

it("D4: a student's client never receives another node's inbox, in its state or its events", async () => {
  const { session, host, students } = await runningRound(classroom, {
    nicknames: ["Ada"],
    nodes: 8,
    // Unicast, so a packet id is in one place at a time; busy enough for full inboxes.
    config: { preset: "geometric", trafficRate: 30, latency: [1, 4] },
  });
  const ada = students[0]!;
  const node = nodeOf(host, ada.playerId);

  // Everything Ada's client decoded, patch by patch, and every event message it got.
  const snapshots: { tick: number; inbox: Held[]; nodes: string[]; board: unknown }[] = [];
  let acted = -1;
  let seq = 0;
  ada.conn.room.onStateChange((state) => {
    const json = state.toJSON();
    const view = ownView(ada.conn);
    if (view === undefined) return;
    snapshots.push({
      tick: json.tick,
      inbox: view.inbox.map((packet: { entry: number; id: number; arrivedAt: number }) => ({
        entry: packet.entry,
        id: packet.id,
        arriveAt: packet.arrivedAt,
      })),
      nodes: Object.keys(json.routing.nodes),
      board: json.routing.board,
    });
    // Ada plays: the oldest packet goes to her first neighbour, so her inbox keeps changing.
    const head = view.inbox[0];
    if (json.phase === "running" && head && head.entry !== acted) {
      acted = head.entry;
      sendAct(ada.conn, seq++, {
        type: "forward",
        packet: head.entry,
        to: view.neighbours[0].node,
      });
    }
  });
  await until(() => host.json().tick >= 200, "200 ticks");
  sendHost(host, { type: "end" });
  await ada.conn.next("debrief");

  const { log } = await storedRound(classroom, session.id);
  const inboxes = inboxesByTick(log);
  expect(log.inputs.some((input) => input.actor === node)).toBe(true);

  // The state: only her own node, and exactly its inbox at the tick the patch shows.
  expect(snapshots.length).toBeGreaterThan(20);
  // D2: her own actions play at once, so a patch between two beats may already miss a packet
  // she forwarded in the tick that is open; apart from those, the inbox is the tick's.
  const playedIn = (t: number) =>
    new Set(
      log.inputs
        .filter((input) => input.t === t && input.actor === node)
        .map((input) => (input.action as { packet: number }).packet),
    );
  const wrongViews = snapshots.filter((snapshot) => {
    const played = playedIn(snapshot.tick + 1);
    const still = (held: Held[]) => JSON.stringify(held.filter((p) => !played.has(p.entry)));
    return (
      snapshot.nodes.join() !== String(node) ||
      Object.keys(snapshot.board ?? {}).length > 0 ||
      still(snapshot.inbox) !== still(inboxes.get(snapshot.tick)![node]!)
    );
  });
  expect(wrongViews).toEqual([]);

  // The events: none about a packet another node holds, before or after the event's tick.
  const messages = ada.conn.messages("events");
  expect(messages.length).toBeGreaterThan(10);
  const leaks: string[] = [];
  for (const { tick, events } of messages) {
    for (const event of events as { packet: number }[]) {
      for (const at of [tick - 1, tick]) {
        inboxes.get(at)!.forEach((held, other) => {
          if (other !== node && held.some((packet) => packet.id === event.packet)) {
            leaks.push(`packet ${event.packet} at node ${other}, tick ${at}`);
          }
        });
      }
    }
  }
  expect(leaks).toEqual([]);

  // And there was something to leak: other nodes held packets Ada never heard of.
  const seen = new Set<number>([
    ...snapshots.flatMap((snapshot) => snapshot.inbox.map((packet) => packet.id)),
    ...messages.flatMap(({ events }) => (events as { packet: number }[]).map((e) => e.packet)),
  ]);
  const elsewhere = new Set<number>();
  for (const perNode of inboxes.values()) {
    perNode.forEach((held, other) => {
      if (other !== node)
        for (const packet of held) if (!seen.has(packet.id)) elsewhere.add(packet.id);
    });
  }
  expect(elsewhere.size).toBeGreaterThan(10);
});
