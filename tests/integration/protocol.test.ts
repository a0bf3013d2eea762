import { MAX_MESSAGE_BYTES, MAX_MESSAGES_PER_SECOND } from "@quorum/shared";
import { describe, expect, it } from "vitest";
import {
  addPlayer,
  classroomPerFile,
  connect,
  createSession,
  ownView,
  projectorToken,
  runningRound,
  sendAct,
  sendHost,
  until,
} from "./harness.ts";

const classroom = classroomPerFile();

describe("P6: every message is checked", () => {
  it("P6: a student's host command is forbidden and changes nothing", async () => {
    const session = await createSession(classroom);
    const ada = await addPlayer(classroom, session.code, "Ada");
    const student = await connect(classroom, ada.roomId, ada.token);
    sendHost(student, { type: "configure", mode: "routing", config: {}, nodes: 4 });
    sendHost(student, { type: "start" });
    const errors = [await student.next("error"), await student.next("error", () => true, 1)];
    for (const error of errors) {
      expect(error).toMatchObject({ code: "forbidden", message: expect.any(String) });
    }
    expect(student.json()).toMatchObject({ phase: "lobby", mode: "" });
  });

  it("P4, P6: the projector is read-only", async () => {
    const { session } = await runningRound(classroom, { nicknames: [], nodes: 3 });
    const projector = await connect(classroom, session.roomId, projectorToken(session));
    sendHost(projector, { type: "end" });
    sendAct(projector, 1, { type: "drop", packet: 1 });
    expect(await projector.next("error")).toMatchObject({ code: "forbidden" });
    expect(await projector.next("error", () => true, 1)).toMatchObject({
      code: "forbidden",
      seq: 1,
    });
    expect(projector.json().phase).toBe("running");
  });

  it("P6: malformed messages get a typed error and change nothing", async () => {
    const { host, students } = await runningRound(classroom, { nicknames: ["Ada"], nodes: 3 });
    const ada = students[0]!.conn;
    let seen = 0;
    const nextError = async () => ada.next("error", () => true, seen++);
    ada.room.send("act", { action: { type: "drop", packet: 1 } });
    expect(await nextError()).toMatchObject({ code: "malformed" });
    sendAct(ada, 3, { type: "teleport", packet: 1 });
    expect(await nextError()).toMatchObject({ code: "malformed", seq: 3 });
    sendAct(ada, 4, { type: "forward", packet: -1, to: "north" });
    expect(await nextError()).toMatchObject({ code: "malformed", seq: 4 });
    ada.room.send("cheat", { score: 1_000 });
    expect(await nextError()).toMatchObject({ code: "malformed" });
    ada.room.send("act", "just a string");
    expect(await nextError()).toMatchObject({ code: "malformed" });

    let hostErrors = 0;
    const nextHostError = async () => host.next("error", () => true, hostErrors++);
    sendHost(host, { type: "explode" });
    expect(await nextHostError()).toMatchObject({ code: "malformed" });
    sendHost(host, { type: "fault", fault: { type: "crash", node: "everything" } });
    expect(await nextHostError()).toMatchObject({ code: "malformed" });
    sendHost(host, { type: "mode", action: { type: "burst", count: 1_000_000 } });
    expect(await nextHostError()).toMatchObject({ code: "malformed" });
    sendHost(host, { type: "speed", speed: 3 });
    expect(await nextHostError()).toMatchObject({ code: "malformed" });
    expect(host.json()).toMatchObject({ phase: "running", speed: 1 });
    expect(ownView(ada)?.score).toBe(0);
  });

  it("P6: a message in the wrong phase is refused", async () => {
    const session = await createSession(classroom);
    const host = await connect(classroom, session.roomId, await classroom.accessToken());
    const ada = await addPlayer(classroom, session.code, "Ada");
    const student = await connect(classroom, ada.roomId, ada.token);
    await until(() => host.json().players?.[ada.playerId]?.connected === true, "Ada here");
    let hostErrors = 0;
    const nextHostError = async () => host.next("error", () => true, hostErrors++);

    sendAct(student, 1, { type: "drop", packet: 1 });
    expect(await student.next("error")).toMatchObject({ code: "wrong-phase", seq: 1 });
    sendHost(host, { type: "pause" });
    expect(await nextHostError()).toMatchObject({ code: "wrong-phase" });
    sendHost(host, { type: "fault", fault: { type: "heal-all" } });
    expect(await nextHostError()).toMatchObject({ code: "wrong-phase" });
    sendHost(host, { type: "start" });
    expect(await nextHostError()).toMatchObject({ code: "wrong-phase", detail: "not-configured" });
    sendHost(host, { type: "configure", mode: "routing", config: { latency: "fast" }, nodes: 4 });
    expect(await nextHostError()).toMatchObject({ code: "malformed", detail: "config" });
    // P5: a round needs a node for every student present.
    for (const nickname of ["Grace", "Alan"]) {
      const player = await addPlayer(classroom, session.code, nickname);
      await connect(classroom, player.roomId, player.token);
    }
    await until(() => Object.keys(host.json().players).length === 3, "three students here");
    sendHost(host, { type: "configure", mode: "routing", config: {}, nodes: 2 });
    expect(await nextHostError()).toMatchObject({ code: "malformed", detail: "too-few-nodes" });
    expect(host.json()).toMatchObject({ phase: "lobby", mode: "" });
  });

  it("P6: a message flood gets one rate-limited answer; the client stays and the room runs on", async () => {
    const { host, students } = await runningRound(classroom, { nicknames: ["Ada"], nodes: 3 });
    const ada = students[0]!.conn;
    const flood = 3 * MAX_MESSAGES_PER_SECOND;
    for (let seq = 0; seq < flood; seq++) sendAct(ada, seq, { type: "retransmit", seq: 1 });
    // The ones let through reach the engine, which refuses them (R7: not a reliable round).
    await until(
      () =>
        ada.messages("rejected").length + ada.messages("error").length >= MAX_MESSAGES_PER_SECOND,
      "the answers",
    );
    const limited = await ada.next("error", (error) => error.code === "rate-limited");
    expect(limited.message).toEqual(expect.any(String));
    const tick = host.json().tick;
    await until(() => host.json().tick > tick + 5, "the round going on");
    expect(ada.messages("error").filter((error) => error.code === "rate-limited")).toHaveLength(1);
    expect(ada.messages("rejected").length).toBeLessThanOrEqual(MAX_MESSAGES_PER_SECOND);
    expect(ada.room.connection.isOpen).toBe(true);
    // Once the client slows down, its messages are answered again.
    const answered = ada.messages("rejected").length;
    await until(() => {
      sendAct(ada, 1000, { type: "retransmit", seq: 1 });
      return ada.messages("rejected").length > answered;
    }, "an answer after the flood");
  });

  it("P6: a client far above the limit is disconnected; the others play on", async () => {
    const { host, students } = await runningRound(classroom, {
      nicknames: ["Ada", "Bob"],
      nodes: 3,
    });
    const [ada, bob] = [students[0]!.conn, students[1]!.conn];
    for (let seq = 0; seq < 20 * MAX_MESSAGES_PER_SECOND; seq++)
      sendAct(ada, seq, { type: "drop", packet: 0 });
    expect(await ada.closed).toBe(4002);
    const tick = bob.json().tick;
    await until(() => bob.json().tick > tick + 5, "Bob's round going on");
    expect(host.json().phase).toBe("running");
  });

  it("P6: an oversized message gets too-large; a huge frame closes only that connection", async () => {
    const { host, students } = await runningRound(classroom, {
      nicknames: ["Ada", "Bob"],
      nodes: 3,
    });
    const [ada, bob] = [students[0]!.conn, students[1]!.conn];
    sendAct(ada, 1, { type: "drop", packet: 0, padding: "x".repeat(MAX_MESSAGE_BYTES) });
    expect(await ada.next("error")).toMatchObject({ code: "too-large" });
    expect(ada.room.connection.isOpen).toBe(true);
    sendAct(bob, 1, { type: "drop", packet: 0, padding: "x".repeat(10 * MAX_MESSAGE_BYTES) });
    expect(await bob.closed).toBe(1009);
    const tick = ada.json().tick;
    await until(() => ada.json().tick > tick + 5, "the round going on");
    expect(host.json().phase).toBe("running");
  });
});
