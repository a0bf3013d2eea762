import { describe, expect, it } from "vitest";
import {
  addPlayer,
  boardNode,
  classroomPerFile,
  connect,
  createSession,
  nodeOf,
  ownView,
  projectorToken,
  runningRound,
  sendAct,
  sendHost,
  storedRound,
  until,
} from "./harness.ts";

// A countdown long enough to be seen in a patch, ticks fast enough for many of them.
const classroom = classroomPerFile({ classroom: { tickMs: 10, countdownMs: 400 } });

describe("the round's lifecycle", () => {
  it("P5: configure, start, count down, then run with bots on the other nodes", async () => {
    const session = await createSession(classroom);
    const host = await connect(classroom, session.roomId, await classroom.accessToken());
    const ada = await addPlayer(classroom, session.code, "Ada");
    const grace = await addPlayer(classroom, session.code, "Grace");
    const students = [
      await connect(classroom, ada.roomId, ada.token),
      await connect(classroom, grace.roomId, grace.token),
    ];
    await until(() => Object.keys(host.json().players ?? {}).length === 2, "both in the lobby");
    sendHost(host, { type: "configure", mode: "routing", config: { preset: "ring" }, nodes: 5 });
    await until(() => host.json().mode === "routing", "the configuration");
    expect(host.json().nodes).toBe(5);
    expect(JSON.parse(host.json().config)).toMatchObject({ preset: "ring", variant: "unicast" });

    sendHost(host, { type: "start" });
    await until(() => host.json().phase === "countdown", "the countdown");
    expect(host.json().countdown).toBeGreaterThanOrEqual(1);
    expect(host.json().countdownEndsAt).toBeGreaterThan(0);
    // The round exists from the countdown on: everyone sees where they will play.
    expect(host.json().routing.board.nodes).toHaveLength(5);
    expect(host.json().routing.nodes).toEqual({}); // the host view, not the routers' own views
    await until(() => host.json().phase === "running" && host.json().tick > 5, "ticks");
    expect(host.json().countdown).toBe(0);

    const nodes = [nodeOf(host, ada.playerId), nodeOf(host, grace.playerId)];
    expect(new Set(nodes).size).toBe(2);
    const board = host.json().routing.board.nodes as { node: number; name: string; bot: string }[];
    for (const node of board) {
      if (nodes.includes(node.node)) expect(node.bot).toBe("");
      else expect(node).toMatchObject({ name: "", bot: "shortest-path" });
    }
    expect(boardNode(host, nodes[0]!).name).toBe("Ada");
    for (const [index, student] of students.entries()) {
      await until(() => ownView(student)?.node === nodes[index], "the student's own node");
      expect(ownView(student).neighbours).toHaveLength(2); // a ring
    }
  });

  it("D2, D3: a student's action is played at once; a refused one comes back with its number", async () => {
    const { session, host, students } = await runningRound(classroom, {
      nicknames: ["Ada"],
      nodes: 4,
      config: { preset: "line", trafficRate: 10 },
    });
    const ada = students[0]!;
    await until(() => (ownView(ada.conn)?.inbox.length ?? 0) > 0, "a packet in Ada's inbox");
    const view = ownView(ada.conn);
    const packet = view.inbox[0];
    const to = view.neighbours[0].node;
    sendAct(ada.conn, 7, { type: "forward", packet: packet.entry, to });
    // D2: played at once, and the answer says in which tick.
    const acted = await ada.conn.next("acted");
    expect(acted).toEqual({ seq: 7, t: expect.any(Number) });
    await until(
      () =>
        !ownView(ada.conn).inbox.some((entry: { entry: number }) => entry.entry === packet.entry),
      "the packet to leave the inbox",
    );
    const sent = await ada.conn.next("events", (message) =>
      message.events.some(
        (event: { type: string; packet: number; from: number; to: number }) =>
          event.type === "transmit" && event.packet === packet.id && event.to === to,
      ),
    );
    expect(sent.tick).toBeGreaterThan(0);
    // R5: the same entry again is refused, and the refusal names the action's own number.
    sendAct(ada.conn, 8, { type: "forward", packet: packet.entry, to });
    expect(await ada.conn.next("rejected")).toEqual({
      seq: 8,
      rejection: { rule: "R5", code: "routing.already-handled" },
    });
    // R2: only over its own links.
    await until(() => (ownView(ada.conn)?.inbox.length ?? 0) > 0, "another packet");
    const next = ownView(ada.conn).inbox[0];
    const stranger = [0, 1, 2, 3].find(
      (node) =>
        node !== view.node &&
        !view.neighbours.some((neighbour: { node: number }) => neighbour.node === node),
    );
    sendAct(ada.conn, 9, { type: "forward", packet: next.entry, to: stranger });
    expect(await ada.conn.next("rejected", (message) => message.seq === 9)).toMatchObject({
      rejection: { rule: "R2", code: "routing.not-a-neighbour" },
    });
    expect(host.json().phase).toBe("running");
    // The log has the action in the tick the answer named.
    sendHost(host, { type: "end" });
    const { log } = await storedRound(classroom, session.id);
    const node = nodeOf(host, ada.playerId);
    expect(log.inputs).toContainEqual({
      t: acted.t,
      seq: expect.any(Number),
      actor: node,
      action: { type: "forward", packet: packet.entry, to },
    });
  });

  it("P5: pause stops the clock, resume restarts it, speed is the teacher's", async () => {
    const { host } = await runningRound(classroom, { nicknames: [], nodes: 3 });
    sendHost(host, { type: "pause" });
    await until(() => host.json().phase === "paused", "the pause");
    const paused = host.json().tick;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(host.json().tick).toBe(paused);
    sendHost(host, { type: "speed", speed: 4 });
    sendHost(host, { type: "resume" });
    await until(() => host.json().phase === "running" && host.json().tick > paused, "ticks again");
    expect(host.json().speed).toBe(4);
  });

  it("N7: a fault becomes a host input; an impossible one comes back as a rejection", async () => {
    const { host } = await runningRound(classroom, { nicknames: [], nodes: 4 });
    sendHost(host, { type: "fault", fault: { type: "crash", node: 1 } });
    await until(() => boardNode(host, 1)?.up === false, "node 1 down");
    await until(
      () =>
        host.json().routing.board.faults.some((fault: { kind: string }) => fault.kind === "crash"),
      "the active fault",
    );
    expect(host.json().routing.board.faults[0]).toMatchObject({
      kind: "crash",
      fallacy: "fallacy.topology",
      count: 1,
    });
    sendHost(host, { type: "fault", fault: { type: "crash", node: 99 } });
    expect(await host.next("rejected")).toEqual({
      seq: -1,
      rejection: { rule: "N7", code: "fault.no-such-node", params: { node: 99 } },
    });
    const before = host.json().routing.board.counters.generated;
    sendHost(host, { type: "mode", action: { type: "burst", count: 50 } });
    await until(
      () => host.json().routing.board.counters.generated >= before + 50,
      "the traffic burst",
    );
  });

  it("R8, P5: hints switched on mid-round reach the student's phone, one number per neighbour", async () => {
    const { host, students } = await runningRound(classroom, {
      nicknames: ["Ada"],
      nodes: 12,
      config: { trafficRate: 20, inboxLimit: 16 },
    });
    const ada = students[0]!.conn;
    // biome-ignore lint/suspicious/noExplicitAny: the decoded state, checked here.
    const hinted = () => (ownView(ada)?.inbox ?? []).filter((packet: any) => packet.hints !== "");
    await until(() => (ownView(ada)?.inbox?.length ?? 0) > 0, "a packet at Ada's node");
    expect(hinted()).toEqual([]);
    sendHost(host, { type: "mode", action: { type: "configure", hints: true } });
    await until(() => hinted().length > 0, "hints in Ada's inbox");
    const neighbours = ownView(ada).neighbours.length;
    for (const packet of hinted()) {
      const hops = packet.hints.split(",").map(Number);
      expect(hops).toHaveLength(neighbours);
      for (const hop of hops) expect(hop === -1 || hop >= 0).toBe(true);
    }
  });

  it("D5: a student joining mid-round takes over a bot's node", async () => {
    const { session, host } = await runningRound(classroom, { nicknames: ["Ada"], nodes: 3 });
    const bob = await addPlayer(classroom, session.code, "Bob");
    const conn = await connect(classroom, bob.roomId, bob.token);
    await until(() => nodeOf(host, bob.playerId) >= 0, "Bob seated");
    const node = nodeOf(host, bob.playerId);
    await until(() => boardNode(host, node)?.bot === "", "Bob playing his node");
    expect(boardNode(host, node).name).toBe("Bob");
    await until(() => ownView(conn)?.node === node, "Bob's own view");
  });

  it("R9, P5: end sends everyone the debrief (class and baseline); next returns to the lobby", async () => {
    const { session, host, students } = await runningRound(classroom, {
      nicknames: ["Ada", "Grace"],
      nodes: 5,
      config: { trafficRate: 10 },
    });
    const projector = await connect(classroom, session.roomId, projectorToken(session));
    await until(() => host.json().tick > 30, "some traffic");
    sendHost(host, { type: "end" });
    await until(() => host.json().phase === "ended", "the end");
    for (const conn of [host, projector]) {
      const debrief = await conn.next("debrief");
      expect(debrief).toMatchObject({ mode: "routing", endTick: expect.any(Number) });
      expect(debrief.summary.class).toMatchObject({ generated: expect.any(Number) });
      expect(debrief.summary.baseline).toMatchObject({
        generated: debrief.summary.class.generated,
      });
      expect(debrief.node).toBeUndefined();
    }
    for (const student of students) {
      const debrief = await student.conn.next("debrief");
      expect(debrief.node).toBe(nodeOf(host, student.playerId));
      expect(debrief.score).toEqual(expect.any(Number));
      expect(debrief.summary.baseline).not.toBeNull();
    }
    // P5, S2: the finished round is in the store, with its log, summary and scores.
    const { round, log } = await storedRound(classroom, session.id);
    expect(log).toMatchObject({ mode: "routing", endTick: host.json().tick });
    expect(log.summary).not.toBeNull();
    expect(log.roster.filter((seat) => seat.bot === null)).toHaveLength(2);
    expect(round).toMatchObject({ status: "finished", endTick: log.endTick, summary: log.summary });
    for (const student of students) {
      const debrief = await student.conn.next("debrief");
      expect(round.players).toContainEqual({
        playerId: student.playerId,
        nickname: student.nickname,
        node: debrief.node,
        score: debrief.score,
      });
    }

    // A screen opened after the end still gets the debrief.
    const late = await connect(classroom, session.roomId, projectorToken(session));
    expect((await late.next("debrief")).summary.class).toEqual(
      (await host.next("debrief")).summary.class,
    );

    sendHost(host, { type: "next" });
    await until(() => host.json().phase === "lobby", "the lobby");
    expect(host.json().routing).toBeUndefined();
    expect(host.json().tick).toBe(0);
    for (const student of students) {
      expect(host.json().players[student.playerId]).toMatchObject({ node: -1, connected: true });
    }
    // The same configuration starts the next round with the same students.
    sendHost(host, { type: "start" });
    await until(() => host.json().phase === "running", "the second round");
    for (const student of students) {
      await until(() => ownView(student.conn) !== undefined, "a node in the second round");
    }
  });
});
